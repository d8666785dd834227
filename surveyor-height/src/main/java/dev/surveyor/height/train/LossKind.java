package dev.surveyor.height.train;

/** Training loss on height / heightScale over valid (non-NaN) pixels. */
public enum LossKind {
    /** Mean absolute error (the paper's choice). */
    L1,
    /** Mean squared error (optimises RMSE directly). */
    L2,
    /** L1 + L2. */
    L1_L2;

    /** Parses {@code l1|l2|l1_l2} (case-insensitive, '+' accepted for '_'). */
    public static LossKind parse(String s) {
        for (LossKind k : values()) {
            if (k.name().equalsIgnoreCase(s.trim().replace('+', '_'))) {
                return k;
            }
        }
        throw new IllegalArgumentException("loss must be l1, l2 or l1_l2, got " + s);
    }
}
