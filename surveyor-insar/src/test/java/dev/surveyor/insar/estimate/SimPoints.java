package dev.surveyor.insar.estimate;

import dev.surveyor.insar.sim.SimulatedStack;
import dev.surveyor.insar.sim.TruePoint;
import java.util.List;

/** Test helper: point sets and scores from simulated stacks. */
final class SimPoints {
    private SimPoints() {}

    /** The interferometric phases of the given pixels. */
    static PointSet of(SimulatedStack s, List<TruePoint> pts) {
        int n = s.dates().size();
        int w = s.width();
        int[] rows = new int[pts.size()];
        int[] cols = new int[pts.size()];
        float[] ph = new float[pts.size() * n];
        float[] ref = s.slcs()[s.referenceIndex()];
        for (int p = 0; p < pts.size(); p++) {
            rows[p] = pts.get(p).row();
            cols[p] = pts.get(p).col();
            int i = rows[p] * w + cols[p];
            for (int q = 0; q < n; q++) {
                float[] z = s.slcs()[q];
                double re = z[2 * i] * ref[2 * i] + z[2 * i + 1] * ref[2 * i + 1];
                double im = z[2 * i + 1] * ref[2 * i] - z[2 * i] * ref[2 * i + 1];
                ph[p * n + q] = (float) Math.atan2(im, re);
            }
        }
        return new PointSet(rows, cols, n, ph, new float[pts.size()]);
    }

    /** RMSE of v and ΔH against the truth. */
    static double[] rmse(List<TruePoint> truth, PointEstimates e) {
        double sv = 0;
        double sh = 0;
        for (int p = 0; p < truth.size(); p++) {
            sv += sq(e.velocityMmYr()[p] - truth.get(p).velocityMmYr());
            sh += sq(e.demErrorM()[p] - truth.get(p).demErrorM());
        }
        return new double[] {Math.sqrt(sv / truth.size()), Math.sqrt(sh / truth.size())};
    }

    /** RMSE of the errors of differences over pairs closer than maxDistPx. */
    static double[] pairRmse(List<TruePoint> truth, PointEstimates e, double maxDistPx) {
        double sv = 0;
        double sh = 0;
        long m = 0;
        for (int i = 0; i < truth.size(); i++) {
            for (int j = i + 1; j < truth.size(); j++) {
                TruePoint a = truth.get(i);
                TruePoint b = truth.get(j);
                double d = Math.hypot(a.row() - b.row(), a.col() - b.col());
                if (d >= maxDistPx) {
                    continue;
                }
                double ev =
                        (e.velocityMmYr()[i] - e.velocityMmYr()[j])
                                - (a.velocityMmYr() - b.velocityMmYr());
                double eh = (e.demErrorM()[i] - e.demErrorM()[j]) - (a.demErrorM() - b.demErrorM());
                sv += ev * ev;
                sh += eh * eh;
                m++;
            }
        }
        return new double[] {Math.sqrt(sv / m), Math.sqrt(sh / m), m};
    }

    private static double sq(double x) {
        return x * x;
    }
}
