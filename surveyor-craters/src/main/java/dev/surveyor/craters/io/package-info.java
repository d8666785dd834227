/**
 * Crater label and catalogue files: LRO NAC label tables ({@code ID X Y W H C_X CY}), {@code
 * x,y,diameter} CSVs, COCO detection JSON and the detection CSV written by {@code surveyor craters
 * detect}. Bad content throws {@link dev.surveyor.core.raster.RasterFormatException} naming the
 * file, line and value.
 */
package dev.surveyor.craters.io;
