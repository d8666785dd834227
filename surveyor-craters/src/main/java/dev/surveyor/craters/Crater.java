package dev.surveyor.craters;

/**
 * One crater in image pixel coordinates.
 *
 * <p>Conventions: {@code xPx} = column, {@code yPx} = row of the centre, origin at the top-left
 * corner of the top-left pixel (pixel {@code i} covers {@code [i, i + 1)}, its centre is {@code i +
 * 0.5}). {@code diameterPx} is the rim-to-rim diameter; its box for IoU matching is the
 * circumscribed square. {@code score} is a detection confidence in [0, 1], or 1 for ground truth.
 *
 * @param xPx centre column, px
 * @param yPx centre row, px
 * @param diameterPx diameter, px, positive
 * @param score confidence in [0, 1]
 */
public record Crater(double xPx, double yPx, double diameterPx, double score) {
    /** Validates the fields. */
    public Crater {
        if (!Double.isFinite(xPx) || !Double.isFinite(yPx)) {
            throw new IllegalArgumentException(
                    "crater centre must be finite, got (" + xPx + ", " + yPx + ")");
        }
        if (!(diameterPx > 0) || Double.isInfinite(diameterPx)) {
            throw new IllegalArgumentException(
                    "crater diameterPx must be positive and finite, got " + diameterPx);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("crater score must be in [0, 1], got " + score);
        }
    }

    /** A ground-truth crater (score 1). */
    public static Crater truth(double xPx, double yPx, double diameterPx) {
        return new Crater(xPx, yPx, diameterPx, 1.0);
    }

    /** Returns this crater shifted by {@code (dxPx, dyPx)}. */
    public Crater shifted(double dxPx, double dyPx) {
        return new Crater(xPx + dxPx, yPx + dyPx, diameterPx, score);
    }

    /** IoU of the circumscribed squares of two craters, in [0, 1]. */
    public double boxIou(Crater o) {
        double r1 = diameterPx / 2, r2 = o.diameterPx / 2;
        double ix = Math.min(xPx + r1, o.xPx + r2) - Math.max(xPx - r1, o.xPx - r2);
        double iy = Math.min(yPx + r1, o.yPx + r2) - Math.max(yPx - r1, o.yPx - r2);
        if (ix <= 0 || iy <= 0) {
            return 0;
        }
        double inter = ix * iy;
        return inter / (diameterPx * diameterPx + o.diameterPx * o.diameterPx - inter);
    }
}
