package dev.surveyor.core.util;

/**
 * Argument checks that throw {@link IllegalArgumentException} with a message naming the argument
 * and the offending value, e.g. {@code maxDispersion must be in [0, 10], got -0.2}.
 */
public final class Checks {
    private Checks() {}

    /** Requires {@code lo <= value <= hi}; NaN fails. */
    public static double inRange(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(
                    name + " must be in [" + fmt(lo) + ", " + fmt(hi) + "], got " + fmt(value));
        }
        return value;
    }

    /** Requires {@code lo <= value <= hi}. */
    public static int inRange(String name, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(
                    name + " must be in [" + lo + ", " + hi + "], got " + value);
        }
        return value;
    }

    /** Requires {@code value >= min}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(
                    name + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** Requires {@code value >= min}; NaN fails. */
    public static double atLeast(String name, double value, double min) {
        if (!(value >= min)) {
            throw new IllegalArgumentException(
                    name + " must be at least " + fmt(min) + ", got " + fmt(value));
        }
        return value;
    }

    /** Requires a finite value {@code > 0}. */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    name + " must be positive and finite, got " + fmt(value));
        }
        return value;
    }

    /** Requires {@code value > 0}. */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    /** Requires a finite value. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + fmt(value));
        }
        return value;
    }

    /** Requires a non-null value. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** Requires two sizes to agree, naming both. */
    public static void sameSize(String nameA, int a, String nameB, int b) {
        if (a != b) {
            throw new IllegalArgumentException(nameA + " is " + a + " but " + nameB + " is " + b);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : Double.toString(v);
    }
}
