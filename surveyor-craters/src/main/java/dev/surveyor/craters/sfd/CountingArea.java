package dev.surveyor.craters.sfd;

import dev.surveyor.core.geo.GeoReferencer;
import dev.surveyor.core.geo.PixelGroundSize;

/** The ground area of a georeferenced image, used as the counting area of a crater count. */
public final class CountingArea {
    private CountingArea() {}

    /**
     * The area (km^2) of the whole grid: the sum over rows of {@code width} times the ground size
     * of one pixel at the row's centre on the grid's central column (exact for cylindrical
     * projections, whose pixel size depends on the row only; a good approximation for small crops
     * of other projections).
     */
    public static double km2(GeoReferencer georef) {
        int w = georef.grid().width();
        int h = georef.grid().height();
        double sum = 0;
        for (int row = 0; row < h; row++) {
            PixelGroundSize p = georef.pixelSizeM(w / 2.0, row + 0.5);
            sum += p.xKm() * (p.yM() / 1000) * w;
        }
        return sum;
    }
}
