/**
 * Image processing for Surveyor: adapters over BoofCV (Harris corners, SIFT descriptors,
 * approximate nearest-neighbour matching), complex-safe interpolation kernels and resampling, FFT
 * cross-correlation with sub-pixel peaks and Fourier shifts.
 *
 * <p>Conventions: {@code x} = column, {@code y} = row; pixel {@code (x, y)} is the centre of the
 * sample at column {@code x}, row {@code y} (pixel-centre coordinates, as BoofCV).
 */
package dev.surveyor.imgproc;
