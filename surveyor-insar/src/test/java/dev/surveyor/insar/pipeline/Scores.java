package dev.surveyor.insar.pipeline;

import dev.surveyor.insar.sim.TruePoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test helper: detection and accuracy scores of a result against simulated truth. */
final class Scores {
    final double f1;
    final double rmseV;
    final double rmseH;
    final double pairRmseV;
    final double pairRmseH;
    final int matched;
    final int pairs;

    Scores(List<TruePoint> truth, PsResult r, double pairDistPx) {
        Map<Integer, PsPoint> found = new HashMap<>();
        for (PsPoint p : r.points()) {
            found.put(p.row() * r.width() + p.col(), p);
        }
        int tp = 0;
        double sv = 0;
        double sh = 0;
        PsPoint[] m = new PsPoint[truth.size()];
        for (int i = 0; i < truth.size(); i++) {
            TruePoint t = truth.get(i);
            PsPoint p = found.get(t.row() * r.width() + t.col());
            if (p != null) {
                m[i] = p;
                tp++;
                sv += sq(p.velocityMmYr() - t.velocityMmYr());
                sh += sq(p.demErrorM() - t.demErrorM());
            }
        }
        int fp = r.points().size() - tp;
        int fn = truth.size() - tp;
        f1 = 2.0 * tp / (2.0 * tp + fp + fn);
        matched = tp;
        rmseV = Math.sqrt(sv / tp);
        rmseH = Math.sqrt(sh / tp);
        double pv = 0;
        double phh = 0;
        int n = 0;
        for (int i = 0; i < truth.size(); i++) {
            for (int j = i + 1; j < truth.size(); j++) {
                TruePoint a = truth.get(i);
                TruePoint b = truth.get(j);
                if (m[i] == null
                        || m[j] == null
                        || Math.hypot(a.row() - b.row(), a.col() - b.col()) >= pairDistPx) {
                    continue;
                }
                pv +=
                        sq(
                                (m[i].velocityMmYr() - m[j].velocityMmYr())
                                        - (a.velocityMmYr() - b.velocityMmYr()));
                phh += sq((m[i].demErrorM() - m[j].demErrorM()) - (a.demErrorM() - b.demErrorM()));
                n++;
            }
        }
        pairs = n;
        pairRmseV = Math.sqrt(pv / n);
        pairRmseH = Math.sqrt(phh / n);
    }

    private static double sq(double x) {
        return x * x;
    }
}
