/**
 * GeoTIFF reading and writing, written from scratch for SAR and large rasters: classic TIFF and
 * BigTIFF in both byte orders, real and complex samples (CInt16, CFloat32), strips and tiles,
 * chunky and planar interleave, none/LZW/DEFLATE/PackBits compression with predictors 1/2/3, and
 * the GeoKeys GDAL writes. Reads are windowed: {@link dev.surveyor.io.tiff.GeoTiffReader} decodes
 * only the blocks that intersect the requested window, with positioned reads (thread-safe). {@link
 * dev.surveyor.io.tiff.GeoTiffWriter} writes atomically; {@link
 * dev.surveyor.io.tiff.GeoTiffStreamWriter} writes rasters larger than memory a band of rows at a
 * time.
 */
package dev.surveyor.io.tiff;
