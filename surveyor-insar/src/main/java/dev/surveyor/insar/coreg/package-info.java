/**
 * Co-registration of SAR SLC images onto a reference grid (Aduenko et al. 2015, plus sub-pixel
 * refinement).
 *
 * <p>Steps: (1) the paper's coarse shift: Harris corners (local maxima above the image mean), SIFT
 * descriptors, approximate nearest-neighbour matching, the distance filter {@code rho <= max(a
 * rho_min, rho_max / b)} and the median of the displacements; large images are split into m x n
 * sub-images and the shift is the median of the sub-image shifts; (2) sub-pixel offsets of
 * amplitude patches on a grid by cross-correlation of 2x-oversampled patches with an upsampled DFT
 * peak; (3) a robust least-squares offset model (shift, affine or quadratic) with iterative outlier
 * rejection; (4) resampling of the secondary SLC onto the reference grid with a complex-safe kernel
 * (Kaiser-windowed sinc or cubic, real and imaginary parts separately).
 *
 * <p><b>Sign convention.</b> An offset is <em>secondary position minus reference position</em> of
 * the same ground feature, in pixels: {@code dxPx} along columns (x, range for SAR), {@code dyPx}
 * along rows (y, azimuth). A secondary whose content sits 3.25 columns to the right of the
 * reference has {@code dxPx = +3.25}. Resampling takes output pixel {@code (x, y)} from the
 * secondary at {@code (x + dx, y + dy)}, so the result lies on the reference grid. Positions are
 * pixel centres, {@code x} = column, {@code y} = row.
 */
package dev.surveyor.insar.coreg;
