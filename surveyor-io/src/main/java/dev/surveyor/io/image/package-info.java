/**
 * Image formats decoded whole and then served by window: PNG (8/16-bit gray, gray+alpha, RGB, RGBA,
 * palette expanded to RGB(A); via {@code javax.imageio}) and PGM (P5 binary 8/16-bit big-endian, P2
 * ASCII). 16-bit samples keep their full value as {@link dev.surveyor.core.raster.RasterU16}. These
 * formats have no georeferencing.
 */
package dev.surveyor.io.image;
