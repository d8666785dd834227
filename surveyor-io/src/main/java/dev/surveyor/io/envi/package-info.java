/**
 * ENVI rasters: a text header ({@code .hdr}) beside a raw binary data file. {@link
 * dev.surveyor.io.envi.EnviHeader} parses and formats headers, {@link
 * dev.surveyor.io.envi.EnviMapInfo} converts {@code map info} to and from a {@link
 * dev.surveyor.core.geo.GeoTransform} (ENVI's reference pixel is 1-based: {@code (1, 1)} is the
 * top-left corner of the top-left pixel), {@link dev.surveyor.io.envi.EnviReader} opens a file as a
 * windowed {@link dev.surveyor.io.RasterSource} and {@link dev.surveyor.io.envi.EnviWriter} writes
 * both files atomically. GDAL's ENVI driver is the reference for every convention.
 */
package dev.surveyor.io.envi;
