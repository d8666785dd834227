package dev.surveyor.insar.coreg;

import dev.surveyor.imgproc.interp.OffsetField;

/**
 * A fitted offset model: {@code dx(x, y) = sum cx_k b_k(u, v)}, {@code dy} likewise, with the
 * normalised coordinates {@code u = (x - centreXPx) / scalePx}, {@code v = (y - centreYPx) /
 * scalePx} and the basis {@code 1, u, v, u^2, u v, v^2} truncated to the model's order. Offsets are
 * secondary minus reference position in pixels (see the package documentation).
 *
 * @param type model form
 * @param cx column-offset coefficients ({@code type.numCoefficients()} values), pixels
 * @param cy row-offset coefficients, pixels
 * @param centreXPx column of the normalisation centre
 * @param centreYPx row of the normalisation centre
 * @param scalePx normalisation scale, pixels
 */
public record OffsetModel(
        OffsetModelType type,
        double[] cx,
        double[] cy,
        double centreXPx,
        double centreYPx,
        double scalePx)
        implements OffsetField {
    public OffsetModel {
        if (cx.length != type.numCoefficients() || cy.length != type.numCoefficients()) {
            throw new IllegalArgumentException(
                    type
                            + " needs "
                            + type.numCoefficients()
                            + " coefficients per axis, got "
                            + cx.length
                            + " and "
                            + cy.length);
        }
        if (!(scalePx > 0)) {
            throw new IllegalArgumentException("scalePx must be positive, got " + scalePx);
        }
        cx = cx.clone();
        cy = cy.clone();
    }

    /** A constant shift. */
    public static OffsetModel shift(double dxPx, double dyPx) {
        return new OffsetModel(
                OffsetModelType.SHIFT, new double[] {dxPx}, new double[] {dyPx}, 0, 0, 1);
    }

    @Override
    public double[] cx() {
        return cx.clone();
    }

    @Override
    public double[] cy() {
        return cy.clone();
    }

    @Override
    public double dxPx(double x, double y) {
        return eval(cx, x, y);
    }

    @Override
    public double dyPx(double x, double y) {
        return eval(cy, x, y);
    }

    /** Basis values at {@code (x, y)}, {@code type.numCoefficients()} of them. */
    double[] basis(double x, double y) {
        return basis(type, (x - centreXPx) / scalePx, (y - centreYPx) / scalePx);
    }

    static double[] basis(OffsetModelType type, double u, double v) {
        return switch (type) {
            case SHIFT -> new double[] {1};
            case AFFINE -> new double[] {1, u, v};
            case QUADRATIC -> new double[] {1, u, v, u * u, u * v, v * v};
        };
    }

    private double eval(double[] c, double x, double y) {
        double[] b = basis(x, y);
        double s = 0;
        for (int k = 0; k < c.length; k++) {
            s += c[k] * b[k];
        }
        return s;
    }

    @Override
    public String toString() {
        return type
                + " dx="
                + java.util.Arrays.toString(cx)
                + " dy="
                + java.util.Arrays.toString(cy)
                + " centre=("
                + centreXPx
                + ", "
                + centreYPx
                + ") scale="
                + scalePx;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OffsetModel m
                && m.type == type
                && java.util.Arrays.equals(m.cx, cx)
                && java.util.Arrays.equals(m.cy, cy)
                && m.centreXPx == centreXPx
                && m.centreYPx == centreYPx
                && m.scalePx == scalePx;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(
                type,
                java.util.Arrays.hashCode(cx),
                java.util.Arrays.hashCode(cy),
                centreXPx,
                centreYPx,
                scalePx);
    }
}
