package dev.surveyor.height.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A set of {@link Dihedral} transforms: the random augmentation of training crops, or the
 * transforms a prediction averages over (test-time augmentation). Immutable.
 *
 * <p>Written as {@value #D4_NAME} (all eight), {@value #NONE_NAME} (the identity alone) or a
 * comma-separated list of {@link Dihedral#NAMES}. For scenes that share one sun direction (one
 * acquisition), {@code identity,flip-rows} keeps shadows cast along the image's x axis (sun in the
 * east or west) pointing the same way, and {@code identity,flip-columns} those cast along its y
 * axis; the other transforms would turn them, hiding from a network the side shadows fall on.
 */
public final class DihedralSet implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Text of the set of all eight transforms. */
    public static final String D4_NAME = "d4";

    /** Text of the set holding the identity alone. */
    public static final String NONE_NAME = "none";

    /** All eight transforms. */
    public static final DihedralSet D4 = new DihedralSet(new int[] {0, 1, 2, 3, 4, 5, 6, 7});

    /** The identity alone (no augmentation). */
    public static final DihedralSet NONE = new DihedralSet(new int[] {Dihedral.IDENTITY});

    private final int[] transforms;

    private DihedralSet(int[] sortedDistinct) {
        this.transforms = sortedDistinct;
    }

    /** The set of the given transform indices (duplicates ignored; at least one). */
    public static DihedralSet of(int... transforms) {
        if (transforms.length == 0) {
            throw new IllegalArgumentException("a transform set needs at least one transform");
        }
        for (int t : transforms) {
            if (t < 0 || t >= Dihedral.COUNT) {
                throw new IllegalArgumentException("no dihedral transform " + t);
            }
        }
        return new DihedralSet(Arrays.stream(transforms).sorted().distinct().toArray());
    }

    /**
     * Parses {@value #D4_NAME}, {@value #NONE_NAME} or a comma-separated list of transform names.
     *
     * @throws IllegalArgumentException naming the text and the allowed names
     */
    public static DihedralSet parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals(D4_NAME)) {
            return D4;
        }
        if (s.equals(NONE_NAME)) {
            return NONE;
        }
        List<Integer> ts = new ArrayList<>();
        for (String part : s.split(",")) {
            int t = Dihedral.NAMES.indexOf(part.trim());
            if (t < 0) {
                throw new IllegalArgumentException(
                        "transform set '"
                                + text
                                + "': '"
                                + part.trim()
                                + "' is not "
                                + D4_NAME
                                + ", "
                                + NONE_NAME
                                + " or a comma list of "
                                + String.join(", ", Dihedral.NAMES));
            }
            ts.add(t);
        }
        return of(ts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Number of transforms. */
    public int size() {
        return transforms.length;
    }

    /** The i-th transform index (ascending order). */
    public int get(int i) {
        return transforms[i];
    }

    /** Whether the set holds the identity alone. */
    public boolean isNone() {
        return transforms.length == 1 && transforms[0] == Dihedral.IDENTITY;
    }

    /** The text {@link #parse} reads back: {@value #D4_NAME}, {@value #NONE_NAME} or the names. */
    @Override
    public String toString() {
        if (equals(D4)) {
            return D4_NAME;
        }
        if (isNone()) {
            return NONE_NAME;
        }
        List<String> names = new ArrayList<>();
        for (int t : transforms) {
            names.add(Dihedral.NAMES.get(t));
        }
        return String.join(",", names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DihedralSet d && Arrays.equals(transforms, d.transforms);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(transforms);
    }
}
