package dev.surveyor.height.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Names and text of {@link Dihedral} transforms and {@link DihedralSet}. */
class DihedralSetTest {
    /** The transformed 3x3 square of 0..8 (row-major), for transform t. */
    private static int[] apply(int t) {
        int[] out = new int[9];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                out[y * 3 + x] = Dihedral.sourceIndex(t, x, y, 3);
            }
        }
        return out;
    }

    private static int named(String name) {
        return Dihedral.NAMES.indexOf(name);
    }

    @Test
    void namesDescribeWhatTheTransformsDo() {
        // source:  0 1 2 / 3 4 5 / 6 7 8, row 0 at the top
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), toList(apply(named("identity"))));
        assertEquals(List.of(6, 7, 8, 3, 4, 5, 0, 1, 2), toList(apply(named("flip-rows"))));
        assertEquals(List.of(2, 1, 0, 5, 4, 3, 8, 7, 6), toList(apply(named("flip-columns"))));
        assertEquals(List.of(0, 3, 6, 1, 4, 7, 2, 5, 8), toList(apply(named("transpose"))));
        assertEquals(List.of(8, 5, 2, 7, 4, 1, 6, 3, 0), toList(apply(named("antitranspose"))));
        assertEquals(List.of(8, 7, 6, 5, 4, 3, 2, 1, 0), toList(apply(named("rot180"))));
        // clockwise: the left column, read bottom to top, becomes the top row
        assertEquals(List.of(6, 3, 0, 7, 4, 1, 8, 5, 2), toList(apply(named("rot90cw"))));
        assertEquals(List.of(2, 5, 8, 1, 4, 7, 0, 3, 6), toList(apply(named("rot90ccw"))));
        assertEquals(Dihedral.FLIP_ROWS, named("flip-rows"));
        assertEquals(Dihedral.FLIP_COLUMNS, named("flip-columns"));
        Set<List<Integer>> distinct = new HashSet<>();
        for (int t = 0; t < Dihedral.COUNT; t++) {
            distinct.add(toList(apply(t)));
        }
        assertEquals(Dihedral.COUNT, distinct.size());
    }

    private static List<Integer> toList(int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    @Test
    void textRoundTrips() {
        assertEquals(DihedralSet.D4, DihedralSet.parse("D4"));
        assertEquals(8, DihedralSet.D4.size());
        assertEquals("d4", DihedralSet.D4.toString());
        assertEquals("none", DihedralSet.NONE.toString());
        assertTrue(DihedralSet.parse("none").isNone());
        assertTrue(DihedralSet.parse("identity").isNone());
        DihedralSet rows = DihedralSet.parse(" flip-rows ,identity,flip-rows");
        assertEquals(2, rows.size());
        assertEquals(Dihedral.IDENTITY, rows.get(0));
        assertEquals(Dihedral.FLIP_ROWS, rows.get(1));
        assertEquals("identity,flip-rows", rows.toString());
        assertEquals(rows, DihedralSet.parse(rows.toString()));
        assertEquals(
                DihedralSet.D4,
                DihedralSet.parse(String.join(",", Dihedral.NAMES)),
                "all eight named is d4");
        assertEquals("flip-rows", DihedralSet.of(Dihedral.FLIP_ROWS).toString());
    }

    @Test
    void badTextIsRefusedNamingTheValue() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> DihedralSet.parse("identity,flip-row"));
        assertTrue(
                e.getMessage().contains("'identity,flip-row'")
                        && e.getMessage().contains("flip-rows"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DihedralSet.of());
        assertThrows(IllegalArgumentException.class, () -> DihedralSet.of(8));
    }
}
