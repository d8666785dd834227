package dev.surveyor.insar.estimate;

import java.util.Arrays;

/** Buckets points into square cells for radius queries; O(points) memory. Immutable. */
final class NeighbourGrid implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] rows;
    private final int[] cols;
    private final int r0;
    private final int c0;
    private final int cell;
    private final int nx;
    private final int ny;
    private final int[] start;
    private final int[] sorted;

    NeighbourGrid(int[] rows, int[] cols, double radius) {
        this.rows = rows;
        this.cols = cols;
        int np = rows.length;
        int rmin = Integer.MAX_VALUE;
        int rmax = Integer.MIN_VALUE;
        int cmin = Integer.MAX_VALUE;
        int cmax = Integer.MIN_VALUE;
        for (int p = 0; p < np; p++) {
            rmin = Math.min(rmin, rows[p]);
            rmax = Math.max(rmax, rows[p]);
            cmin = Math.min(cmin, cols[p]);
            cmax = Math.max(cmax, cols[p]);
        }
        if (np == 0) {
            rmin = rmax = cmin = cmax = 0;
        }
        this.r0 = rmin;
        this.c0 = cmin;
        this.cell = Math.max(1, (int) Math.ceil(radius));
        this.nx = (cmax - cmin) / cell + 1;
        this.ny = (rmax - rmin) / cell + 1;
        int[] count = new int[nx * ny + 1];
        for (int p = 0; p < np; p++) {
            count[cellOf(p) + 1]++;
        }
        for (int i = 0; i < nx * ny; i++) {
            count[i + 1] += count[i];
        }
        this.start = count.clone();
        int[] fill = Arrays.copyOf(count, count.length);
        this.sorted = new int[np];
        for (int p = 0; p < np; p++) {
            sorted[fill[cellOf(p)]++] = p;
        }
    }

    private int cellOf(int p) {
        return ((rows[p] - r0) / cell) * nx + (cols[p] - c0) / cell;
    }

    /** Indices of the points within {@code radius} (≤ the grid's radius) of point p, p included. */
    int[] neighbours(int p, double radius) {
        int cx = (cols[p] - c0) / cell;
        int cy = (rows[p] - r0) / cell;
        double r2 = radius * radius;
        int[] buf = new int[16];
        int n = 0;
        for (int y = Math.max(0, cy - 1); y <= Math.min(ny - 1, cy + 1); y++) {
            for (int x = Math.max(0, cx - 1); x <= Math.min(nx - 1, cx + 1); x++) {
                int c = y * nx + x;
                for (int k = start[c]; k < start[c + 1]; k++) {
                    int i = sorted[k];
                    double dx = cols[i] - cols[p];
                    double dy = rows[i] - rows[p];
                    if (dx * dx + dy * dy <= r2) {
                        if (n == buf.length) {
                            buf = Arrays.copyOf(buf, 2 * n);
                        }
                        buf[n++] = i;
                    }
                }
            }
        }
        return Arrays.copyOf(buf, n);
    }
}
