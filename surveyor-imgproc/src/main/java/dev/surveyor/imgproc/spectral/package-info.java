/**
 * FFT-based operations (JTransforms): Fourier shifts, spectral oversampling of complex patches and
 * cross-correlation with sub-pixel peak location by an upsampled DFT (Guizar-Sicairos et al. 2008).
 *
 * <p>Shift and offset sign: a positive {@code dxPx} means image content sits at a larger column in
 * the second (shifted / secondary) image than in the first (reference).
 */
package dev.surveyor.imgproc.spectral;
