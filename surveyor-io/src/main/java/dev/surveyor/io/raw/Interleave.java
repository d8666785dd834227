package dev.surveyor.io.raw;

import java.util.Locale;

/**
 * How the bands of a multi-band raw file are interleaved (ENVI {@code interleave} key).
 *
 * <p>With {@code B} bands, {@code W} columns and sample index counted in samples (not bytes):
 *
 * <ul>
 *   <li>{@link #BSQ} band sequential: {@code ((band * H + row) * W + col)}
 *   <li>{@link #BIL} band interleaved by line: {@code ((row * B + band) * W + col)}
 *   <li>{@link #BIP} band interleaved by pixel: {@code ((row * W + col) * B + band)}
 * </ul>
 *
 * For one band all three are the same layout.
 */
public enum Interleave {
    /** Band sequential: all of band 1, then all of band 2, ... */
    BSQ,
    /** Band interleaved by line: row 1 of every band, then row 2 of every band, ... */
    BIL,
    /** Band interleaved by pixel: every band of pixel 1, then every band of pixel 2, ... */
    BIP;

    /**
     * Parses {@code bsq}, {@code bil} or {@code bip} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the value otherwise
     */
    public static Interleave parse(String s) {
        String n = s.trim().toUpperCase(Locale.ROOT);
        for (Interleave i : values()) {
            if (i.name().equals(n)) {
                return i;
            }
        }
        throw new IllegalArgumentException(
                "unknown interleave '" + s + "' (expected bsq, bil or bip)");
    }

    /**
     * Sample index (not byte offset) of {@code (band, col, row)} in a file of {@code bands} bands
     * of {@code width x height}.
     */
    public long sampleIndex(int band, int col, int row, int width, int height, int bands) {
        return switch (this) {
            case BSQ -> ((long) band * height + row) * width + col;
            case BIL -> ((long) row * bands + band) * width + col;
            case BIP -> ((long) row * width + col) * bands + band;
        };
    }
}
