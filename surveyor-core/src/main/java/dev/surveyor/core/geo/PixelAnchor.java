package dev.surveyor.core.geo;

/**
 * Which point of a pixel the geotransform's origin refers to.
 *
 * <p>GDAL geotransforms and GeoTIFF {@code RasterPixelIsArea} refer to the {@link #CORNER}: map
 * coordinate {@code (x0, y0)} is the top-left corner of the top-left pixel. GeoTIFF {@code
 * RasterPixelIsPoint} refers to the {@link #CENTER} of the top-left pixel.
 */
public enum PixelAnchor {
    /** The transform maps pixel coordinate (0, 0) to the top-left corner of pixel (0, 0). */
    CORNER,
    /** The transform maps pixel coordinate (0, 0) to the centre of pixel (0, 0). */
    CENTER
}
