/**
 * In-memory rasters: single-band {@link dev.surveyor.core.raster.Raster}s of uint8, int16, uint16,
 * float32 and complex64 with zero-copy sub-views, multi-band rasters and datasets that carry
 * georeferencing and no-data. {@code x} is the column and {@code y} the row everywhere.
 */
package dev.surveyor.core.raster;
