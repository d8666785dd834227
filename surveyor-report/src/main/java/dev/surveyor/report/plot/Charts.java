package dev.surveyor.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart charts in one house style (white background, light grid, fonts readable on a slide),
 * rendered headless to images. Non-finite points are dropped; a series with no finite point is left
 * out (XChart cannot draw empty series).
 */
public final class Charts {
    private Charts() {}

    /** Default chart width in pixels. */
    public static final int WIDTH = 640;

    /** Default chart height in pixels. */
    public static final int HEIGHT = 420;

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)
    };

    /** An empty chart in the house style. */
    public static XYChart base(String title, String xLabel, String yLabel, int width, int height) {
        XYChart c =
                new XYChartBuilder()
                        .width(width)
                        .height(height)
                        .title(title)
                        .xAxisTitle(xLabel)
                        .yAxisTitle(yLabel)
                        .build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBorderColor(Color.GRAY);
        c.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        c.getStyler().setLegendBorderColor(Color.LIGHT_GRAY);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        c.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.getStyler().setChartTitleBoxVisible(false);
        c.getStyler().setSeriesColors(PALETTE);
        c.getStyler().setMarkerSize(5);
        c.getStyler().setAntiAlias(true);
        return c;
    }

    /** A chart of the given series with default size. */
    public static XYChart xy(String title, String xLabel, String yLabel, List<Series> series) {
        XYChart c = base(title, xLabel, yLabel, WIDTH, HEIGHT);
        for (Series s : series) {
            add(c, s);
        }
        c.getStyler().setLegendVisible(series.size() > 1);
        return c;
    }

    /**
     * Adds a series, dropping non-finite pairs (and non-positive ones on logarithmic axes).
     *
     * @return the XChart series, or {@code null} when no point was left
     */
    public static XYSeries add(XYChart c, Series s) {
        boolean logX = c.getStyler().isXAxisLogarithmic();
        boolean logY = c.getStyler().isYAxisLogarithmic();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < s.x().length; i++) {
            double x = s.x()[i];
            double y = s.y()[i];
            if (Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0) && (!logY || y > 0)) {
                xs.add(x);
                ys.add(y);
            }
        }
        if (xs.isEmpty()) {
            return null;
        }
        XYSeries xy = c.addSeries(uniqueName(c, s.name()), xs, ys);
        style(xy, s.style());
        return xy;
    }

    private static String uniqueName(XYChart c, String name) {
        String n = name.isEmpty() ? " " : name;
        while (c.getSeries(n) != null) {
            n = n + " ";
        }
        return n;
    }

    private static void style(XYSeries xy, Series.Style style) {
        switch (style) {
            case LINE -> {
                xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                xy.setMarker(SeriesMarkers.NONE);
                xy.setLineStyle(new BasicStroke(2f));
            }
            case SCATTER -> {
                xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                xy.setMarker(SeriesMarkers.CIRCLE);
            }
            case LINE_AND_MARKERS -> {
                xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                xy.setMarker(SeriesMarkers.CIRCLE);
                xy.setLineStyle(new BasicStroke(1.5f));
            }
            case AREA -> {
                xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
                xy.setMarker(SeriesMarkers.NONE);
            }
        }
    }

    /**
     * A histogram of the finite values in {@code bins} equal bins over {@code [lo, hi]} (values
     * outside are not counted), drawn as filled bars.
     */
    public static XYChart histogram(
            String title, String xLabel, double[] values, int bins, double lo, double hi) {
        long[] counts = histogramCounts(values, bins, lo, hi);
        double[] x = new double[4 * bins];
        double[] y = new double[4 * bins];
        double w = (hi - lo) / bins;
        for (int b = 0; b < bins; b++) {
            x[4 * b] = lo + b * w;
            x[4 * b + 1] = lo + b * w;
            x[4 * b + 2] = lo + (b + 1) * w;
            x[4 * b + 3] = lo + (b + 1) * w;
            y[4 * b + 1] = counts[b];
            y[4 * b + 2] = counts[b];
        }
        XYChart c = base(title, xLabel, "count", WIDTH, HEIGHT);
        add(c, new Series("count", x, y, Series.Style.AREA));
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisMin(lo);
        c.getStyler().setXAxisMax(hi);
        c.getStyler().setYAxisMin(0.0);
        return c;
    }

    /**
     * Counts of the finite values in {@code bins} equal bins over {@code [lo, hi]}; the last bin
     * includes {@code hi}.
     */
    public static long[] histogramCounts(double[] values, int bins, double lo, double hi) {
        if (bins <= 0 || !(hi > lo)) {
            throw new IllegalArgumentException(
                    "histogram needs bins > 0 and lo < hi, got bins="
                            + bins
                            + " lo="
                            + lo
                            + " hi="
                            + hi);
        }
        long[] counts = new long[bins];
        for (double v : values) {
            if (Double.isFinite(v) && v >= lo && v <= hi) {
                int b = (int) ((v - lo) / (hi - lo) * bins);
                counts[Math.min(bins - 1, b)]++;
            }
        }
        return counts;
    }

    /**
     * A scatter plot of {@code y} against {@code x} with the 1:1 line, e.g. predicted against true
     * height; both axes share the same limits.
     */
    public static XYChart scatterOneToOne(
            String title, String xLabel, String yLabel, double[] x, double[] y) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                lo = Math.min(lo, Math.min(x[i], y[i]));
                hi = Math.max(hi, Math.max(x[i], y[i]));
            }
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 1 : 0;
            hi = lo + 2;
        }
        XYChart c = base(title, xLabel, yLabel, 520, 520);
        XYSeries pts = add(c, Series.scatter("pixels", x, y));
        if (pts != null) {
            pts.setMarkerColor(new Color(31, 119, 180, 70));
        }
        XYSeries one = add(c, Series.line("1:1", new double[] {lo, hi}, new double[] {lo, hi}));
        if (one != null) {
            one.setLineColor(Color.DARK_GRAY);
            one.setLineStyle(
                    new BasicStroke(
                            1.2f,
                            BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_MITER,
                            10f,
                            new float[] {6f, 4f},
                            0f));
        }
        c.getStyler().setMarkerSize(3);
        c.getStyler().setXAxisMin(lo);
        c.getStyler().setXAxisMax(hi);
        c.getStyler().setYAxisMin(lo);
        c.getStyler().setYAxisMax(hi);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        return c;
    }

    /** A chart with logarithmic x and y axes (e.g. a cumulative size-frequency distribution). */
    public static XYChart logLog(String title, String xLabel, String yLabel, List<Series> series) {
        XYChart c = base(title, xLabel, yLabel, WIDTH, HEIGHT);
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        for (Series s : series) {
            add(c, s);
        }
        c.getStyler().setLegendVisible(series.size() > 1);
        return c;
    }

    /**
     * A time-series chart: one line with markers per series over the acquisition dates.
     *
     * @param dates acquisition dates, shared by all series
     * @param names legend names, one per series
     * @param values {@code values[s][d]}: series {@code s} at date {@code d}, NaN for gaps
     */
    public static XYChart timeSeries(
            String title,
            String yLabel,
            List<LocalDate> dates,
            List<String> names,
            double[][] values) {
        XYChart c = base(title, "date", yLabel, 760, HEIGHT);
        c.getStyler().setDatePattern("yyyy-MM");
        for (int s = 0; s < values.length; s++) {
            List<Date> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int d = 0; d < dates.size(); d++) {
                if (Double.isFinite(values[s][d])) {
                    xs.add(Date.from(dates.get(d).atStartOfDay().toInstant(ZoneOffset.UTC)));
                    ys.add(values[s][d]);
                }
            }
            if (!xs.isEmpty()) {
                XYSeries xy = c.addSeries(uniqueName(c, names.get(s)), xs, ys);
                style(xy, Series.Style.LINE_AND_MARKERS);
            }
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return c;
    }

    /** Renders a chart to an image (headless). */
    public static BufferedImage toImage(XYChart chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }
}
