package dev.surveyor.height.data;

import java.util.List;

/**
 * The eight lossless square transforms (identity, rotations by 90/180/270 degrees, flips and
 * transposes), used as augmentation. Index bits: 1 = transpose, 2 = flip columns, 4 = flip rows
 * (applied in that order to the output coordinates). Images are shown row 0 at the top, so "flip
 * rows" turns an image upside down (a north-up image becomes south-up) and "flip columns" mirrors
 * it left to right; rotations are clockwise or counter-clockwise as shown.
 */
public final class Dihedral {
    private Dihedral() {}

    /** Number of transforms. */
    public static final int COUNT = 8;

    /** Index of the identity. */
    public static final int IDENTITY = 0;

    /** Index of the transform that reverses the row order (upside down). */
    public static final int FLIP_ROWS = 4;

    /** Index of the transform that reverses the column order (left-right mirror). */
    public static final int FLIP_COLUMNS = 2;

    /** Names of the transforms by index. */
    public static final List<String> NAMES =
            List.of(
                    "identity",
                    "transpose",
                    "flip-columns",
                    "rot90cw",
                    "flip-rows",
                    "rot90ccw",
                    "rot180",
                    "antitranspose");

    /** Source index, in a {@code size x size} square, of output pixel (x, y) under transform t. */
    public static int sourceIndex(int t, int x, int y, int size) {
        int xx = x;
        int yy = y;
        if ((t & 4) != 0) {
            yy = size - 1 - yy;
        }
        if ((t & 2) != 0) {
            xx = size - 1 - xx;
        }
        if ((t & 1) != 0) {
            int tmp = xx;
            xx = yy;
            yy = tmp;
        }
        return yy * size + xx;
    }
}
