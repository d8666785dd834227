package dev.surveyor.insar.coreg;

/** The form of the fitted offset model, per axis. */
public enum OffsetModelType {
    /** {@code d = c0}: a constant shift (1 coefficient). */
    SHIFT(1),
    /** {@code d = c0 + c1 u + c2 v} (3 coefficients). */
    AFFINE(3),
    /** {@code d = c0 + c1 u + c2 v + c3 u^2 + c4 u v + c5 v^2} (6 coefficients). */
    QUADRATIC(6);

    private final int numCoefficients;

    OffsetModelType(int n) {
        this.numCoefficients = n;
    }

    /** Coefficients per axis. */
    public int numCoefficients() {
        return numCoefficients;
    }
}
