package dev.surveyor.core.geo;

import dev.surveyor.core.util.Checks;

/**
 * An affine map from pixel coordinates to map coordinates, with an explicit anchor.
 *
 * <pre>
 *   mapX = x0 + col * dxCol + row * dxRow
 *   mapY = y0 + col * dyCol + row * dyRow
 * </pre>
 *
 * <p>{@code col}/{@code row} are continuous. With {@link PixelAnchor#CORNER} (GDAL's convention),
 * {@code (col, row) = (0, 0)} is the top-left corner of the top-left pixel and the centre of pixel
 * {@code (i, j)} is {@code (i + 0.5, j + 0.5)}. With {@link PixelAnchor#CENTER}, {@code (0, 0)} is
 * the centre of the top-left pixel. {@link #pixelToMap} always takes corner-based pixel coordinates
 * so callers need not care which anchor a file used.
 *
 * @param x0 map x of the anchor point of pixel (0, 0)
 * @param dxCol map x step per column (pixel width for north-up images)
 * @param dxRow map x step per row (rotation; 0 for north-up)
 * @param y0 map y of the anchor point of pixel (0, 0)
 * @param dyCol map y step per column (rotation; 0 for north-up)
 * @param dyRow map y step per row (negative pixel height for north-up images)
 * @param anchor which point of pixel (0, 0) {@code (x0, y0)} refers to
 */
public record GeoTransform(
        double x0,
        double dxCol,
        double dxRow,
        double y0,
        double dyCol,
        double dyRow,
        PixelAnchor anchor) {
    public GeoTransform {
        Checks.finite("x0", x0);
        Checks.finite("y0", y0);
        Checks.finite("dxCol", dxCol);
        Checks.finite("dxRow", dxRow);
        Checks.finite("dyCol", dyCol);
        Checks.finite("dyRow", dyRow);
        Checks.notNull("anchor", anchor);
        double det = dxCol * dyRow - dxRow * dyCol;
        if (det == 0) {
            throw new IllegalArgumentException(
                    "geotransform is singular: dxCol*dyRow - dxRow*dyCol = 0 (dxCol="
                            + dxCol
                            + ", dyRow="
                            + dyRow
                            + ")");
        }
    }

    /**
     * A north-up transform: top-left corner {@code (left, top)}, pixel size {@code (sx, sy)} > 0.
     */
    public static GeoTransform northUp(double left, double top, double sx, double sy) {
        return new GeoTransform(left, sx, 0, top, 0, -Math.abs(sy), PixelAnchor.CORNER);
    }

    /**
     * From GDAL's six coefficients {@code [x0, dxCol, dxRow, y0, dyCol, dyRow]}, which are
     * corner-anchored.
     */
    public static GeoTransform fromGdal(double[] gt) {
        if (gt.length != 6) {
            throw new IllegalArgumentException(
                    "a GDAL geotransform has 6 coefficients, got " + gt.length);
        }
        return new GeoTransform(gt[0], gt[1], gt[2], gt[3], gt[4], gt[5], PixelAnchor.CORNER);
    }

    /** The same mapping expressed with a {@link PixelAnchor#CORNER} anchor. */
    public GeoTransform toCorner() {
        if (anchor == PixelAnchor.CORNER) {
            return this;
        }
        return new GeoTransform(
                x0 - 0.5 * dxCol - 0.5 * dxRow,
                dxCol,
                dxRow,
                y0 - 0.5 * dyCol - 0.5 * dyRow,
                dyCol,
                dyRow,
                PixelAnchor.CORNER);
    }

    /** The same mapping expressed with a {@link PixelAnchor#CENTER} anchor. */
    public GeoTransform toCenter() {
        if (anchor == PixelAnchor.CENTER) {
            return this;
        }
        return new GeoTransform(
                x0 + 0.5 * dxCol + 0.5 * dxRow,
                dxCol,
                dxRow,
                y0 + 0.5 * dyCol + 0.5 * dyRow,
                dyCol,
                dyRow,
                PixelAnchor.CENTER);
    }

    /** GDAL's six coefficients (corner-anchored). */
    public double[] toGdal() {
        GeoTransform c = toCorner();
        return new double[] {c.x0, c.dxCol, c.dxRow, c.y0, c.dyCol, c.dyRow};
    }

    /** Whether the transform has no rotation terms. */
    public boolean isNorthUp() {
        return dxRow == 0 && dyCol == 0;
    }

    /**
     * Map coordinates of a pixel coordinate whose origin is the top-left corner of pixel (0, 0)
     * (pixel centres at {@code i + 0.5}).
     *
     * @return {@code {mapX, mapY}}
     */
    public double[] pixelToMap(double col, double row) {
        GeoTransform c = toCorner();
        return new double[] {
            c.x0 + col * c.dxCol + row * c.dxRow, c.y0 + col * c.dyCol + row * c.dyRow
        };
    }

    /**
     * Inverse of {@link #pixelToMap}: corner-based pixel coordinates of a map point.
     *
     * @return {@code {col, row}}
     */
    public double[] mapToPixel(double mapX, double mapY) {
        GeoTransform c = toCorner();
        double det = c.dxCol * c.dyRow - c.dxRow * c.dyCol;
        double dx = mapX - c.x0;
        double dy = mapY - c.y0;
        return new double[] {
            (dx * c.dyRow - dy * c.dxRow) / det, (dy * c.dxCol - dx * c.dyCol) / det
        };
    }

    /** The transform of a window starting at pixel {@code (col0, row0)} of this grid. */
    public GeoTransform translate(double col0, double row0) {
        return new GeoTransform(
                x0 + col0 * dxCol + row0 * dxRow,
                dxCol,
                dxRow,
                y0 + col0 * dyCol + row0 * dyRow,
                dyCol,
                dyRow,
                anchor);
    }

    /** The transform of this grid resampled by {@code factor} (2 = pixels twice as large). */
    public GeoTransform scale(double factor) {
        GeoTransform c = toCorner();
        return new GeoTransform(
                c.x0,
                c.dxCol * factor,
                c.dxRow * factor,
                c.y0,
                c.dyCol * factor,
                c.dyRow * factor,
                PixelAnchor.CORNER);
    }
}
