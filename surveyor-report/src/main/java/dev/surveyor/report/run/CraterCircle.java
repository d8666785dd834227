package dev.surveyor.report.run;

/**
 * A crater as a circle in image pixels: centre {@code (xPx, yPx)} with the origin at the top-left
 * corner of the top-left pixel ({@code x} = column), diameter in pixels, and a detection score (NaN
 * for catalogue craters).
 */
public record CraterCircle(double xPx, double yPx, double diameterPx, double score) {
    public CraterCircle {
        if (!Double.isFinite(xPx) || !Double.isFinite(yPx) || !(diameterPx > 0)) {
            throw new IllegalArgumentException(
                    "crater needs finite centre and positive diameter, got x="
                            + xPx
                            + " y="
                            + yPx
                            + " d="
                            + diameterPx);
        }
    }

    /**
     * Intersection over union of the two circles' circumscribed axis-aligned squares (side =
     * diameter).
     */
    public double boxIou(CraterCircle o) {
        double r1 = diameterPx / 2;
        double r2 = o.diameterPx / 2;
        double ix = Math.min(xPx + r1, o.xPx + r2) - Math.max(xPx - r1, o.xPx - r2);
        double iy = Math.min(yPx + r1, o.yPx + r2) - Math.max(yPx - r1, o.yPx - r2);
        if (ix <= 0 || iy <= 0) {
            return 0;
        }
        double inter = ix * iy;
        return inter / (diameterPx * diameterPx + o.diameterPx * o.diameterPx - inter);
    }
}
