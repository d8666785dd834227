package dev.surveyor.cli.craters;

import dev.surveyor.craters.Crater;
import dev.surveyor.craters.eval.CraterEvaluation;
import dev.surveyor.craters.eval.DetectionScores;
import dev.surveyor.craters.eval.DiameterHistogram;
import dev.surveyor.report.plot.Charts;
import dev.surveyor.report.plot.PngFiles;
import dev.surveyor.report.plot.Series;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The PNG plots of {@code surveyor craters evaluate}, drawn with the report module's charts:
 *
 * <ul>
 *   <li>{@code f1_threshold.png}: F1, precision and recall against the score threshold (the paper's
 *       Fig. 8);
 *   <li>{@code pr_curve.png}: precision against recall;
 *   <li>{@code f1_boxplot.png}: box plot of F1 over the 10 random 80 % subsamples (Fig. 10): box =
 *       quartiles, line = median, whiskers = minimum and maximum, dots = the subsamples;
 *   <li>{@code sfd_histogram.png}: detections (score at least the threshold) and catalogue craters
 *       per {@code sqrt(2)} diameter bin, log-log, one point per non-empty bin at its geometric
 *       centre (Fig. 11).
 * </ul>
 */
public final class EvaluationPlots {
    /** File names written, in order. */
    public static final List<String> FILES =
            List.of("f1_threshold.png", "pr_curve.png", "f1_boxplot.png", "sfd_histogram.png");

    private EvaluationPlots() {}

    /**
     * Writes the four plots into {@code dir}.
     *
     * @param e the evaluation
     * @param truth truth craters (already restricted to the minimum diameter or not: those below
     *     {@code minDiameterPx} are left out of the histogram)
     * @param detections all detections
     * @param threshold score threshold of the histogram's detections
     * @param minDiameterPx lower edge of the histogram (px); values below 1 use 1 px
     * @param label criterion label for the titles
     */
    public static void write(
            Path dir,
            CraterEvaluation e,
            List<Crater> truth,
            List<Crater> detections,
            double threshold,
            double minDiameterPx,
            String label)
            throws IOException {
        List<DetectionScores.AtThreshold> curve = e.curve();
        int n = curve.size();
        double[] thr = new double[n], p = new double[n], r = new double[n], f = new double[n];
        for (int i = 0; i < n; i++) {
            thr[i] = curve.get(i).threshold();
            p[i] = curve.get(i).precision();
            r[i] = curve.get(i).recall();
            f[i] = curve.get(i).f1();
        }
        XYChart ft =
                Charts.xy(
                        "F1, precision, recall against threshold (" + label + ")",
                        "score threshold",
                        "score",
                        List.of(
                                Series.line("F1", thr, f),
                                Series.line("precision", thr, p),
                                Series.line("recall", thr, r)));
        ft.getStyler().setYAxisMin(0.0);
        ft.getStyler().setYAxisMax(1.0);
        PngFiles.write(Charts.toImage(ft), dir.resolve(FILES.get(0)));

        XYChart pr =
                Charts.xy(
                        String.format(
                                java.util.Locale.ROOT, "PR curve (%s), AP %.3f", label, e.ap50()),
                        "recall",
                        "precision",
                        List.of(Series.line("PR", r, p)));
        pr.getStyler().setXAxisMin(0.0);
        pr.getStyler().setXAxisMax(1.0);
        pr.getStyler().setYAxisMin(0.0);
        pr.getStyler().setYAxisMax(1.0);
        PngFiles.write(Charts.toImage(pr), dir.resolve(FILES.get(1)));

        PngFiles.write(Charts.toImage(boxPlot(e.subsampleF1(), label)), dir.resolve(FILES.get(2)));

        double lo = Math.max(1, minDiameterPx);
        List<Crater> dets = new ArrayList<>();
        for (Crater c : detections) {
            if (c.score() >= threshold) {
                dets.add(c);
            }
        }
        double hi = 0;
        for (Crater c : truth) {
            hi = Math.max(hi, c.diameterPx());
        }
        DiameterHistogram hd = DiameterHistogram.of(dets, lo, hi);
        DiameterHistogram ht = DiameterHistogram.of(truth, lo, hd.edgesPx()[hd.counts().length]);
        hd = DiameterHistogram.of(dets, lo, ht.edgesPx()[ht.counts().length]);
        XYChart sfd =
                Charts.logLog(
                        "Craters per sqrt(2) diameter bin",
                        "diameter (px)",
                        "craters per bin",
                        List.of(
                                steps("catalogue", ht),
                                steps(
                                        String.format(
                                                java.util.Locale.ROOT,
                                                "detections (score >= %.3f)",
                                                threshold),
                                        hd)));
        PngFiles.write(Charts.toImage(sfd), dir.resolve(FILES.get(3)));
    }

    /**
     * A histogram as points at the bins' geometric centres joined by lines (empty bins cannot be
     * drawn on the log axis and are left out).
     */
    private static Series steps(String name, DiameterHistogram h) {
        int b = h.counts().length;
        double[] x = new double[b];
        double[] y = new double[b];
        for (int k = 0; k < b; k++) {
            x[k] = Math.sqrt(h.edgesPx()[k] * h.edgesPx()[k + 1]);
            y[k] = h.counts()[k] > 0 ? h.counts()[k] : Double.NaN;
        }
        return new Series(name, x, y, Series.Style.LINE_AND_MARKERS);
    }

    /** Box plot of one sample at x = 1. */
    static XYChart boxPlot(double[] values, String label) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        XYChart c =
                Charts.base(
                        "F1 of 10 random 80 % subsamples (" + label + ")",
                        "",
                        "F1",
                        Charts.WIDTH,
                        Charts.HEIGHT);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisTicksVisible(false);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(2.0);
        if (v.length == 0) {
            return c;
        }
        double q1 = quantile(v, 0.25), med = quantile(v, 0.5), q3 = quantile(v, 0.75);
        double min = v[0], max = v[v.length - 1];
        double a = 0.7, b = 1.3;
        XYSeries box =
                Charts.add(
                        c,
                        Series.line(
                                "box",
                                new double[] {a, b, b, a, a},
                                new double[] {q1, q1, q3, q3, q1}));
        XYSeries m =
                Charts.add(c, Series.line("median", new double[] {a, b}, new double[] {med, med}));
        XYSeries w1 =
                Charts.add(c, Series.line("whisker", new double[] {1, 1}, new double[] {min, q1}));
        XYSeries w2 =
                Charts.add(c, Series.line("whisker", new double[] {1, 1}, new double[] {q3, max}));
        XYSeries t1 =
                Charts.add(
                        c, Series.line("cap", new double[] {0.85, 1.15}, new double[] {min, min}));
        XYSeries t2 =
                Charts.add(
                        c, Series.line("cap", new double[] {0.85, 1.15}, new double[] {max, max}));
        double[] xs = new double[v.length];
        Arrays.fill(xs, 1.5);
        XYSeries pts = Charts.add(c, Series.scatter("subsamples", xs, v));
        java.awt.Color ink = new java.awt.Color(0x1f77b4);
        for (XYSeries s : new XYSeries[] {box, w1, w2, t1, t2}) {
            if (s != null) {
                s.setLineColor(ink);
            }
        }
        if (m != null) {
            m.setLineColor(new java.awt.Color(0xd62728));
        }
        if (pts != null) {
            pts.setMarkerColor(java.awt.Color.DARK_GRAY);
        }
        double pad = Math.max(0.01, (max - min) * 0.2);
        c.getStyler().setYAxisMin(Math.max(0, min - pad));
        c.getStyler().setYAxisMax(Math.min(1, max + pad));
        return c;
    }

    /** Linear-interpolation quantile of sorted values (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
