package dev.surveyor.testkit;

import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterC64;

/**
 * NaN-aware raster comparisons that report the first failing pixel, both values and the tolerance.
 */
public final class RasterAsserts {
    private RasterAsserts() {}

    /**
     * Asserts {@code |expected - actual| <= atol + rtol * |expected|} for every pixel (NaN equals
     * NaN); complex rasters are compared part by part.
     */
    public static void assertRasterEquals(
            Raster expected, Raster actual, double rtol, double atol) {
        if (expected.width() != actual.width() || expected.height() != actual.height()) {
            throw new AssertionError(
                    "size differs: expected "
                            + expected.width()
                            + "x"
                            + expected.height()
                            + ", got "
                            + actual.width()
                            + "x"
                            + actual.height());
        }
        if (expected.dataType() != actual.dataType()) {
            throw new AssertionError(
                    "type differs: expected " + expected.dataType() + ", got " + actual.dataType());
        }
        boolean complex = expected instanceof RasterC64;
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                if (complex) {
                    RasterC64 e = (RasterC64) expected;
                    RasterC64 a = (RasterC64) actual;
                    check(x, y, "re", e.unsafeGetRe(x, y), a.unsafeGetRe(x, y), rtol, atol);
                    check(x, y, "im", e.unsafeGetIm(x, y), a.unsafeGetIm(x, y), rtol, atol);
                } else {
                    check(
                            x,
                            y,
                            "",
                            expected.unsafeGetDouble(x, y),
                            actual.unsafeGetDouble(x, y),
                            rtol,
                            atol);
                }
            }
        }
    }

    /** Asserts a scalar within {@code atol + rtol * |expected|}, naming what it is. */
    public static void assertClose(
            double expected, double actual, double rtol, double atol, String what) {
        if (!(Math.abs(expected - actual) <= atol + rtol * Math.abs(expected))
                && !(Double.isNaN(expected) && Double.isNaN(actual))) {
            throw new AssertionError(
                    what
                            + ": expected "
                            + expected
                            + ", got "
                            + actual
                            + " (rtol "
                            + rtol
                            + ", atol "
                            + atol
                            + ")");
        }
    }

    private static void check(
            int x, int y, String part, double e, double a, double rtol, double atol) {
        if (Double.isNaN(e) && Double.isNaN(a)) {
            return;
        }
        if (!(Math.abs(e - a) <= atol + rtol * Math.abs(e))) {
            throw new AssertionError(
                    "pixel ("
                            + x
                            + ", "
                            + y
                            + ")"
                            + (part.isEmpty() ? "" : " " + part)
                            + ": expected "
                            + e
                            + ", got "
                            + a
                            + " (rtol "
                            + rtol
                            + ", atol "
                            + atol
                            + ")");
        }
    }
}
