package dev.surveyor.height.data;

/**
 * The eight lossless square transforms (identity, rot90/180/270, flips and transposes), used as
 * augmentation. Index bits: 1 = transpose, 2 = flip columns, 4 = flip rows (applied in that order
 * to the output coordinates).
 */
public final class Dihedral {
    private Dihedral() {}

    /** Number of transforms. */
    public static final int COUNT = 8;

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
