package dev.surveyor.insar.estimate;

/** Small dense linear algebra (2x2, 3x3) by Gauss–Jordan with partial pivoting. */
final class Linear {
    private Linear() {}

    /** Inverse of a small square matrix; throws IllegalArgumentException when singular. */
    static double[][] invert(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            if (Math.abs(a[p][c]) < 1e-300) {
                throw new IllegalArgumentException("singular matrix (column " + c + ")");
            }
            double[] t = a[p];
            a[p] = a[c];
            a[c] = t;
            double d = a[c][c];
            for (int j = 0; j < 2 * n; j++) {
                a[c][j] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c && a[r][c] != 0) {
                    double f = a[r][c];
                    for (int j = 0; j < 2 * n; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inv[i], 0, n);
        }
        return inv;
    }

    /** Solves m x = y for small systems; returns null when singular. */
    static double[] solve(double[][] m, double[] y) {
        double[][] inv;
        try {
            inv = invert(m);
        } catch (IllegalArgumentException e) {
            return null;
        }
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double s = 0;
            for (int j = 0; j < y.length; j++) {
                s += inv[i][j] * y[j];
            }
            x[i] = s;
        }
        return x;
    }
}
