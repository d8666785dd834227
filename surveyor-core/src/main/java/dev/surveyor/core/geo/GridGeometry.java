package dev.surveyor.core.geo;

import dev.surveyor.core.util.Checks;

/**
 * The size of a raster and how its pixels map to a coordinate reference system.
 *
 * <p>Pixel coordinates are continuous and corner-based: {@code (0, 0)} is the top-left corner of
 * the top-left pixel, and the centre of pixel {@code (col, row)} is {@code (col + 0.5, row + 0.5)},
 * whatever the {@link PixelAnchor} of {@link #toCrs()}.
 *
 * @param width columns
 * @param height rows
 * @param toCrs pixel to map transform
 * @param crs the map's coordinate reference system, or {@code null} when unknown
 */
public record GridGeometry(int width, int height, GeoTransform toCrs, Crs crs) {
    public GridGeometry {
        Checks.positive("width", width);
        Checks.positive("height", height);
        Checks.notNull("toCrs", toCrs);
    }

    /** Map coordinates {@code {x, y}} of a corner-based pixel coordinate. */
    public double[] pixelToMap(double col, double row) {
        return toCrs.pixelToMap(col, row);
    }

    /** Corner-based pixel coordinates {@code {col, row}} of a map point. */
    public double[] mapToPixel(double x, double y) {
        return toCrs.mapToPixel(x, y);
    }

    /** Map coordinates of the centre of pixel {@code (col, row)}. */
    public double[] pixelCenterToMap(int col, int row) {
        return toCrs.pixelToMap(col + 0.5, row + 0.5);
    }

    /** The geometry of the window {@code [col0, col0 + w) x [row0, row0 + h)} of this grid. */
    public GridGeometry window(int col0, int row0, int w, int h) {
        return new GridGeometry(w, h, toCrs.translate(col0, row0), crs);
    }

    /** Map extent {@code {minX, minY, maxX, maxY}} of the whole grid (outer pixel edges). */
    public double[] extent() {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int[] c : new int[][] {{0, 0}, {width, 0}, {0, height}, {width, height}}) {
            double[] p = pixelToMap(c[0], c[1]);
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        return new double[] {minX, minY, maxX, maxY};
    }
}
