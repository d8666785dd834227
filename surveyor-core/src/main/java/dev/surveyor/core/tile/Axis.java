package dev.surveyor.core.tile;

import java.util.Arrays;

/**
 * The 1-D layout of a {@link TileGrid} along one axis: read ranges {@code [start, end)}, nominal
 * ends and core ranges {@code [coreStart, coreEnd)}. Core borders are {@code floor((start[i + 1] +
 * end[i]) / 2)}, the middle of each overlap.
 */
final class Axis {
    final int length;
    final int[] start;
    final int[] end;
    final int[] fullEnd;
    final int[] coreStart;
    final int[] coreEnd;

    Axis(int length, int tile, int overlap, EdgeMode edge) {
        this.length = length;
        int step = tile - overlap;
        int n = length <= tile ? 1 : 1 + ceilDiv(length - tile, step);
        start = new int[n];
        end = new int[n];
        fullEnd = new int[n];
        coreStart = new int[n];
        coreEnd = new int[n];
        for (int i = 0; i < n; i++) {
            int s = i * step;
            if (edge == EdgeMode.SHIFT) {
                s = Math.max(0, Math.min(s, length - tile));
                fullEnd[i] = s + tile;
            } else {
                fullEnd[i] = Math.min(s + tile, length);
            }
            start[i] = s;
            end[i] = Math.min(s + tile, length);
        }
        for (int i = 0; i < n; i++) {
            coreStart[i] = i == 0 ? 0 : coreEnd[i - 1];
            coreEnd[i] = i == n - 1 ? length : (start[i + 1] + end[i]) >>> 1;
        }
    }

    int count() {
        return start.length;
    }

    /** Overlap in pixels with the previous tile (0 for the first). */
    int overlapBefore(int i) {
        return i == 0 ? 0 : end[i - 1] - start[i];
    }

    /** Overlap in pixels with the next tile (0 for the last). */
    int overlapAfter(int i) {
        return i == count() - 1 ? 0 : end[i] - start[i + 1];
    }

    /** The tile whose core contains pixel {@code p} (0 <= p < length). */
    int owner(int p) {
        int k = Arrays.binarySearch(coreStart, p);
        return k >= 0 ? k : -k - 2;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
