package dev.surveyor.insar.baseline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the reference date of a stack by two criteria.
 *
 * <p><b>Paper</b> (Aduenko et al. 2015): the image with the smallest mean absolute temporal and
 * perpendicular baseline to the others. The two means have different units, so each is divided by
 * its average over all candidates and the two are added: {@code score_m = mean_i|T_i − T_m| /
 * avg_k(mean_i|T_i − T_k|) + mean_i|B_i − B_m| / avg_k(mean_i|B_i − B_k|)} (temporal term only
 * without baselines). Lowest wins.
 *
 * <p><b>Modelled coherence</b> (SNAP "InSAR Stack Overview", jLinda {@code MasterSelection}, after
 * Zebker &amp; Villasenor 1992 / Hooper 2004): {@code ρ(m, i) = f(B_i − B_m, B_c) · f(T_i − T_m,
 * T_c) · f(D_i − D_m, F_c)} with {@code f(x, c) = 1 − |x|/c} for {@code |x| ≤ c}, else 0.01; the
 * score is the mean of ρ over all dates, the candidate itself included (ρ = 1). Highest wins.
 * Baselines are re-referenced by difference (perpendicular baselines of a stack are very nearly
 * additive). Ties go to the earlier date.
 */
public final class ReferenceSelector {
    private ReferenceSelector() {}

    /**
     * Scores every date.
     *
     * @param dates the dates
     * @param bperpM perpendicular baselines against any common origin, m, or {@code null}
     * @param dopplerHz Doppler centroids, Hz, or {@code null} (then that factor is 1)
     * @param config critical values (null = SNAP's C-band defaults)
     */
    public static ReferenceChoice select(
            List<LocalDate> dates,
            double[] bperpM,
            double[] dopplerHz,
            ConfigReferenceSelection config) {
        ConfigReferenceSelection c =
                config == null ? new ConfigReferenceSelection() : config.copy();
        c.validate();
        int n = dates.size();
        if (n == 0) {
            throw new IllegalArgumentException("no dates to choose a reference from");
        }
        boolean hasB = bperpM != null;
        if (hasB) {
            for (double b : bperpM) {
                hasB &= Double.isFinite(b);
            }
        }
        double[] mt = new double[n];
        double[] mb = new double[n];
        double[] coh = new double[n];
        for (int m = 0; m < n; m++) {
            double st = 0;
            double sb = 0;
            double sc = 0;
            for (int i = 0; i < n; i++) {
                double dt = ChronoUnit.DAYS.between(dates.get(m), dates.get(i));
                st += Math.abs(dt);
                double rho = f(dt, c.criticalTemporalDays, c.beyondCriticalFactor);
                if (hasB) {
                    double db = bperpM[i] - bperpM[m];
                    sb += Math.abs(db);
                    rho *= f(db, c.criticalPerpendicularM, c.beyondCriticalFactor);
                }
                if (dopplerHz != null) {
                    rho *=
                            f(
                                    dopplerHz[i] - dopplerHz[m],
                                    c.criticalDopplerHz,
                                    c.beyondCriticalFactor);
                }
                sc += rho;
            }
            mt[m] = st / n;
            mb[m] = hasB ? sb / n : Double.NaN;
            coh[m] = sc / n;
        }
        double avgT = avg(mt);
        double avgB = hasB ? avg(mb) : Double.NaN;
        List<ReferenceCandidate> list = new ArrayList<>();
        int bestP = 0;
        int bestC = 0;
        for (int m = 0; m < n; m++) {
            double score = (avgT > 0 ? mt[m] / avgT : 0) + (hasB && avgB > 0 ? mb[m] / avgB : 0);
            list.add(new ReferenceCandidate(dates.get(m), mt[m], mb[m], score, coh[m]));
        }
        for (int m = 1; m < n; m++) {
            if (better(
                    list.get(m).paperScore(),
                    list.get(bestP).paperScore(),
                    dates.get(m),
                    dates.get(bestP),
                    true)) {
                bestP = m;
            }
            if (better(coh[m], coh[bestC], dates.get(m), dates.get(bestC), false)) {
                bestC = m;
            }
        }
        return new ReferenceChoice(list.get(bestP), list.get(bestC), List.copyOf(list));
    }

    private static boolean better(double a, double b, LocalDate da, LocalDate db, boolean lower) {
        if (a == b) {
            return da.isBefore(db);
        }
        return lower ? a < b : a > b;
    }

    private static double f(double x, double critical, double beyond) {
        double ax = Math.abs(x);
        return ax > critical ? beyond : 1 - ax / critical;
    }

    private static double avg(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
