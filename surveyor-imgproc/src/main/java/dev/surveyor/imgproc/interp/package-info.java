/**
 * Interpolation kernels and resampling of complex (SLC) rasters.
 *
 * <p>Complex-safe: kernels are applied separately to the real and imaginary parts (never to
 * amplitude and phase), which is exact for band-limited signals whose spectrum is around zero
 * frequency. Positions are pixel-centre coordinates: sample {@code (i, j)} of a raster sits at
 * {@code x = i}, {@code y = j}.
 */
package dev.surveyor.imgproc.interp;
