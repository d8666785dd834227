package dev.surveyor.core.geo;

import dev.surveyor.core.util.Checks;

/**
 * Pixel to map to lon/lat for one {@link GridGeometry}: its affine transform plus the {@link
 * MapProjection} of its CRS.
 *
 * <p>Pixel coordinates are continuous and corner-based, as in {@link GridGeometry}: {@code (0, 0)}
 * is the top-left corner of the top-left pixel and the centre of pixel {@code (col, row)} is {@code
 * (col + 0.5, row + 0.5)}; {@code col} is the x (column) index. Longitude and latitude are degrees,
 * east and north positive. Immutable and thread-safe.
 */
public final class GeoReferencer {
    private final GridGeometry grid;
    private final MapProjection projection;

    /**
     * @param grid (Input) the grid
     * @param projection the projection of the grid's map coordinates
     */
    public GeoReferencer(GridGeometry grid, MapProjection projection) {
        this.grid = Checks.notNull("grid", grid);
        this.projection = Checks.notNull("projection", projection);
    }

    /**
     * The referencer of a grid, with the projection of its CRS.
     *
     * @throws IllegalArgumentException when the grid has no CRS or an unsupported one
     */
    public static GeoReferencer of(GridGeometry grid) {
        Checks.notNull("grid", grid);
        return new GeoReferencer(grid, Projections.fromCrs(grid.crs()));
    }

    public GridGeometry grid() {
        return grid;
    }

    public MapProjection projection() {
        return projection;
    }

    public Body body() {
        return projection.body();
    }

    /** Map {@code {x, y}} of a corner-based pixel coordinate. */
    public double[] pixelToMap(double col, double row) {
        return grid.pixelToMap(col, row);
    }

    /** Corner-based {@code {col, row}} of a map point. */
    public double[] mapToPixel(double x, double y) {
        return grid.mapToPixel(x, y);
    }

    /** {@code {lonDeg, latDeg}} of a corner-based pixel coordinate. */
    public double[] pixelToLonLat(double col, double row) {
        double[] m = grid.pixelToMap(col, row);
        return projection.toLonLat(m[0], m[1]);
    }

    /** {@code {lonDeg, latDeg}} of the centre of pixel {@code (col, row)}. */
    public double[] pixelCenterToLonLat(int col, int row) {
        return pixelToLonLat(col + 0.5, row + 0.5);
    }

    /** Corner-based {@code {col, row}} of a point given in degrees. */
    public double[] lonLatToPixel(double lonDeg, double latDeg) {
        double[] m = projection.fromLonLat(lonDeg, latDeg);
        return grid.mapToPixel(m[0], m[1]);
    }

    /** Shortest surface distance in metres between two corner-based pixel coordinates. */
    public double groundDistanceM(double col0, double row0, double col1, double row1) {
        double[] a = pixelToLonLat(col0, row0);
        double[] b = pixelToLonLat(col1, row1);
        return projection.body().distanceM(a[0], a[1], b[0], b[1]);
    }

    /**
     * Ground size of one pixel step at the corner-based pixel coordinate {@code (col, row)},
     * measured over the step centred there.
     */
    public PixelGroundSize pixelSizeM(double col, double row) {
        return new PixelGroundSize(
                groundDistanceM(col - 0.5, row, col + 0.5, row),
                groundDistanceM(col, row - 0.5, col, row + 0.5));
    }

    /**
     * Ground size of one pixel step at latitude {@code latDeg}, on the grid's central meridian (the
     * longitude of the grid centre). On cylindrical projections (geographic, equirectangular) the
     * size does not depend on longitude; on transverse Mercator it does (use {@link #pixelSizeM}).
     * The point may lie outside the grid.
     */
    public PixelGroundSize pixelSizeAtLat(double latDeg) {
        Checks.inRange("latDeg", latDeg, -90, 90);
        double[] centre = pixelToLonLat(grid.width() / 2.0, grid.height() / 2.0);
        double[] p = lonLatToPixel(centre[0], latDeg);
        return pixelSizeM(p[0], p[1]);
    }
}
