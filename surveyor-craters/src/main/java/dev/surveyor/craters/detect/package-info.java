/**
 * Detection over raster files: window reads from any {@link dev.surveyor.io.RasterSource}, and the
 * detection table with optional geographic columns.
 */
package dev.surveyor.craters.detect;
