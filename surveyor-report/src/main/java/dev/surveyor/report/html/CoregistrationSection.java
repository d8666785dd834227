package dev.surveyor.report.html;

import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.report.plot.Charts;
import dev.surveyor.report.plot.ColorMap;
import dev.surveyor.report.plot.ColorScale;
import dev.surveyor.report.plot.RasterRenderer;
import dev.surveyor.report.plot.Series;
import dev.surveyor.report.run.CsvTable;
import dev.surveyor.report.run.RasterLoading;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;

/**
 * The co-registration content shared by the InSAR and the co-registration pages: the offsets table
 * (with the known shifts and the errors when given), the offsets over time, the feature matches'
 * displacements and, when the reference image is given, the matched features on it.
 *
 * <p>Offsets are secondary minus reference position in pixels, x = column, y = row; match positions
 * are corner-based pixel coordinates.
 */
final class CoregistrationSection {
    private CoregistrationSection() {}

    /** Numbers of the comparison with known shifts. */
    record Errors(int dates, double maxAbsErrorPx, double rmsErrorPx) {}

    /**
     * Writes the section's images and returns its HTML (a {@code row} of columns).
     *
     * @param offsets estimated offsets, when present
     * @param matches feature matches, when present
     * @param truth known offsets by date, when present
     * @param reference reference SLC to draw the matches on, when present
     * @param errors receives the comparison with the truth (left empty without one)
     */
    static String html(
            Optional<CsvTable> offsets,
            Optional<CsvTable> matches,
            Optional<CsvTable> truth,
            Optional<Path> reference,
            ImageStore images,
            int maxSidePx,
            List<Errors> errors)
            throws IOException {
        StringBuilder row = new StringBuilder("<div class=\"row\">");
        if (offsets.isPresent()) {
            CsvTable t = offsets.get();
            List<String> dates = t.texts("date");
            double[] dx = t.doubles("dx_px");
            double[] dy = t.doubles("dy_px");
            double[] mt = column(t, dx.length, "matches");
            double[] rs = column(t, dx.length, "residual_px", "residual");
            Map<String, double[]> known = new HashMap<>();
            if (truth.isPresent()) {
                CsvTable k = truth.get();
                List<String> kd = k.texts("date");
                double[] kx = k.doubles("dx_px");
                double[] ky = k.doubles("dy_px");
                for (int i = 0; i < kd.size(); i++) {
                    known.put(normalDate(kd.get(i)), new double[] {kx[i], ky[i]});
                }
            }
            boolean withTruth = !known.isEmpty();
            List<List<String>> rows = new ArrayList<>();
            List<LocalDate> ld = new ArrayList<>();
            double[] tx = new double[dx.length];
            double[] ty = new double[dx.length];
            double maxErr = 0;
            double sumSq = 0;
            int compared = 0;
            for (int i = 0; i < dx.length; i++) {
                List<String> r = new ArrayList<>();
                r.add(Html.esc(dates.get(i)));
                r.add(Html.num(dx[i], 3));
                r.add(Html.num(dy[i], 3));
                double[] k = known.get(normalDate(dates.get(i)));
                tx[i] = k == null ? Double.NaN : k[0];
                ty[i] = k == null ? Double.NaN : k[1];
                if (withTruth) {
                    r.add(k == null ? "–" : Html.num(k[0], 3));
                    r.add(k == null ? "–" : Html.num(k[1], 3));
                    double e = k == null ? Double.NaN : Math.hypot(dx[i] - k[0], dy[i] - k[1]);
                    r.add(Html.num(e, 3));
                    if (Double.isFinite(e)) {
                        maxErr = Math.max(maxErr, e);
                        sumSq += e * e;
                        compared++;
                    }
                }
                r.add(Double.isNaN(mt[i]) ? "–" : Html.count(Math.round(mt[i])));
                r.add(Html.num(rs[i], 3));
                rows.add(r);
                parseDate(dates.get(i)).ifPresent(ld::add);
            }
            if (withTruth && compared > 0) {
                errors.add(new Errors(compared, maxErr, Math.sqrt(sumSq / compared)));
            }
            if (ld.size() == dx.length && !ld.isEmpty()) {
                List<String> names = new ArrayList<>(List.of("dx estimated", "dy estimated"));
                List<double[]> vals = new ArrayList<>(List.of(dx, dy));
                if (withTruth) {
                    names.addAll(List.of("dx true", "dy true"));
                    vals.addAll(List.of(tx, ty));
                }
                XYChart oc =
                        Charts.timeSeries(
                                "Co-registration offsets",
                                "offset [px]",
                                ld,
                                names,
                                vals.toArray(new double[0][]));
                row.append("<div class=\"col\">")
                        .append(
                                HtmlPage.figure(
                                        images.add("offsets", Charts.toImage(oc)),
                                        "offsets",
                                        "Secondary minus reference position, pixels."))
                        .append("</div>");
            }
            List<String> head = new ArrayList<>(List.of("date", "dx [px]", "dy [px]"));
            if (withTruth) {
                head.addAll(List.of("true dx [px]", "true dy [px]", "|error| [px]"));
            }
            head.addAll(List.of("matches", "residual [px]"));
            row.append("<div class=\"col\"><div class=\"scroll\">")
                    .append(Html.table(head, rows))
                    .append("</div></div>");
        }
        if (matches.isPresent()) {
            CsvTable m = matches.get();
            boolean refFirst = m.has("ref_x");
            double[] xr = m.doubles(refFirst ? "ref_x" : "x_ref");
            double[] yr = m.doubles(refFirst ? "ref_y" : "y_ref");
            double[] xsec = m.doubles(refFirst ? "sec_x" : "x_sec");
            double[] ysec = m.doubles(refFirst ? "sec_y" : "y_sec");
            List<String> md = m.texts("date");
            Map<String, List<Integer>> byDate = new LinkedHashMap<>();
            for (int i = 0; i < xr.length; i++) {
                byDate.computeIfAbsent(md.get(i), k -> new ArrayList<>()).add(i);
            }
            List<Series> ss = new ArrayList<>();
            if (byDate.size() <= 8) {
                for (Map.Entry<String, List<Integer>> e : byDate.entrySet()) {
                    double[] ddx =
                            e.getValue().stream().mapToDouble(i -> xsec[i] - xr[i]).toArray();
                    double[] ddy =
                            e.getValue().stream().mapToDouble(i -> ysec[i] - yr[i]).toArray();
                    ss.add(Series.scatter(e.getKey(), ddx, ddy));
                }
            } else {
                double[] ddx =
                        IntStream.range(0, xr.length).mapToDouble(i -> xsec[i] - xr[i]).toArray();
                double[] ddy =
                        IntStream.range(0, xr.length).mapToDouble(i -> ysec[i] - yr[i]).toArray();
                ss.add(Series.scatter("all dates", ddx, ddy));
            }
            XYChart mc =
                    Charts.xy(
                            "Feature matches: displacement secondary − reference",
                            "dx [px]",
                            "dy [px]",
                            ss);
            row.append("<div class=\"col\">")
                    .append(
                            HtmlPage.figure(
                                    images.add("matches", Charts.toImage(mc)),
                                    "matches",
                                    Html.count(xr.length)
                                            + " feature matches over "
                                            + byDate.size()
                                            + " dates kept by the distance filter (matches.csv)."
                                            + " The coarse shift is a median over them and the"
                                            + " offsets are then refined by patch correlation,"
                                            + " so scattered outliers do not move them."))
                    .append("</div>");
            if (reference.isPresent() && xr.length > 0) {
                RasterDataset ref = RasterLoading.read(reference.get());
                BufferedImage base =
                        RasterRenderer.enlarge(
                                RasterRenderer.renderAmplitudeDb(
                                        ref.band(0), Double.NaN, maxSidePx, 2, 98),
                                600);
                double f = base.getWidth() / (double) ref.width();
                double[] px = new double[xr.length];
                double[] py = new double[xr.length];
                double[] di = new double[xr.length];
                List<String> keys = new ArrayList<>(byDate.keySet());
                for (int i = 0; i < xr.length; i++) {
                    px[i] = xr[i] * f;
                    py[i] = yr[i] * f;
                    di[i] = keys.indexOf(md.get(i));
                }
                ColorScale cs =
                        new ColorScale(
                                ColorMap.VIRIDIS, 0, Math.max(1, keys.size() - 1), "date index");
                BufferedImage overlay =
                        RasterRenderer.overlayPoints(base, px, py, di, cs, Math.max(2.5, f));
                row.append("<div class=\"col\">")
                        .append(
                                HtmlPage.figure(
                                        images.add("matches_on_reference", overlay),
                                        "matches on the reference",
                                        "Matched features on the reference amplitude (dB, 2–98 %"
                                                + " stretch), coloured by date from "
                                                + Html.esc(keys.get(0))
                                                + " (purple) to "
                                                + Html.esc(keys.get(keys.size() - 1))
                                                + " (yellow)."))
                        .append("</div>");
            }
        }
        return row.append("</div>").toString();
    }

    private static double[] column(CsvTable t, int n, String... names) throws IOException {
        for (String c : names) {
            if (t.has(c)) {
                return t.doubles(c);
            }
        }
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static String normalDate(String s) {
        return s.strip().replace("-", "");
    }

    static Optional<LocalDate> parseDate(String s) {
        try {
            return Optional.of(
                    s.length() == 8
                            ? LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE)
                            : LocalDate.parse(s));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
