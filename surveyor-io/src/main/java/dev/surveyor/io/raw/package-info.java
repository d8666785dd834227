/**
 * Headerless binary rasters: a {@link dev.surveyor.io.raw.RawLayout} (width, height, bands, on-disk
 * {@link dev.surveyor.io.raw.SampleFormat}, byte order, {@link dev.surveyor.io.raw.Interleave},
 * header offset) describes the file; {@link dev.surveyor.io.raw.RawReader} opens it as a windowed
 * {@link dev.surveyor.io.RasterSource} with positioned reads and {@link
 * dev.surveyor.io.raw.RawWriter} writes it atomically. The ENVI format reuses both.
 */
package dev.surveyor.io.raw;
