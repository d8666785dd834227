package dev.surveyor.report.html;

import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.report.ReportOptions;
import dev.surveyor.report.ReportSummary;
import dev.surveyor.report.plot.Charts;
import dev.surveyor.report.plot.RasterRenderer;
import dev.surveyor.report.plot.Series;
import dev.surveyor.report.run.CraterCircle;
import dev.surveyor.report.run.CraterEvaluation;
import dev.surveyor.report.run.CraterRun;
import dev.surveyor.report.run.CsvTable;
import dev.surveyor.report.run.RasterLoading;
import dev.surveyor.report.run.RunKind;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The crater page: detections drawn on the image with a score-threshold slider (matched, false and
 * missed craters coloured when truth is given), PR and F1/precision/recall-vs-threshold curves, the
 * cumulative size-frequency distribution and the model age when the run has them, and tables of the
 * numbers.
 */
public final class CraterReport {
    private CraterReport() {}

    /** Writes {@code outDir/report.html} and its images for a crater run. */
    public static ReportSummary write(CraterRun run, Path outDir, ReportOptions opt)
            throws IOException {
        ImageStore images = new ImageStore(outDir, opt.inlineImages);
        List<CraterCircle> dets = new ArrayList<>(run.detections());
        dets.sort((a, b) -> Double.compare(b.score(), a.score()));
        Optional<CraterEvaluation> eval =
                run.truth()
                        .map(
                                t ->
                                        CraterEvaluation.evaluate(
                                                dets,
                                                t,
                                                opt.craterMinIou,
                                                opt.craterMinDiameterPx));

        // image size: from the image, else from the craters' extent
        BufferedImage background = null;
        int w;
        int h;
        if (run.image().isPresent()) {
            RasterDataset img = RasterLoading.read(run.image().get());
            w = img.width();
            h = img.height();
            background =
                    RasterRenderer.enlarge(
                            RasterRenderer.renderImage(
                                    img, opt.maxImageSidePx, 1, 99, opt.rgbBands),
                            800);
        } else {
            double mx = 1;
            double my = 1;
            for (CraterCircle c : dets) {
                mx = Math.max(mx, c.xPx() + c.diameterPx() / 2);
                my = Math.max(my, c.yPx() + c.diameterPx() / 2);
            }
            for (CraterCircle c : run.truth().orElse(List.of())) {
                mx = Math.max(mx, c.xPx() + c.diameterPx() / 2);
                my = Math.max(my, c.yPx() + c.diameterPx() / 2);
            }
            w = (int) Math.ceil(mx);
            h = (int) Math.ceil(my);
        }
        double lo = dets.isEmpty() ? 0 : dets.get(dets.size() - 1).score();
        double hi = dets.isEmpty() ? 1 : dets.get(0).score();
        double initial =
                eval.filter(e -> e.bestIndex() >= 0)
                        .map(e -> e.thresholds()[e.bestIndex()])
                        .orElse(lo);

        String name =
                run.dir().toAbsolutePath().normalize().getFileName() == null
                        ? "run"
                        : run.dir().toAbsolutePath().normalize().getFileName().toString();
        String title = "Craters — " + name;
        String sub =
                Html.count(dets.size())
                        + " detections"
                        + run.truth()
                                .map(t -> ", " + Html.count(t.size()) + " catalogue craters")
                                .orElse("")
                        + run.image()
                                .map(
                                        p ->
                                                " on "
                                                        + Html.esc(p.getFileName().toString())
                                                        + " ("
                                                        + w
                                                        + " × "
                                                        + h
                                                        + " px)")
                                .orElse("")
                        + ". Folder: <code>"
                        + Html.esc(run.dir().toString())
                        + "</code>";
        HtmlPage page = new HtmlPage(title, sub);
        Map<String, String> headline = new LinkedHashMap<>();
        headline.put("detections", Html.count(dets.size()));

        // 1. overlay
        page.section(
                "Detections on the image",
                "Circles: detected craters (centre and diameter as in detections.csv, pixel corner at"
                        + " the top-left). Move the slider to change the score threshold.");
        String bgSrc = background == null ? null : images.add("image", background);
        int drawn = Math.min(dets.size(), opt.maxDrawnDetections);
        StringBuilder svg = new StringBuilder();
        svg.append("<div class=\"overlay\">");
        if (bgSrc != null) {
            svg.append("<img src=\"")
                    .append(bgSrc)
                    .append("\" alt=\"image\" width=\"")
                    .append(background.getWidth())
                    .append("\" height=\"")
                    .append(background.getHeight())
                    .append("\">");
        } else {
            svg.append("<div style=\"padding-top:")
                    .append(Html.jsNum(100.0 * h / w, 3))
                    .append("%;background:#222\"></div>");
        }
        svg.append("<svg id=\"crater-svg\" viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(h)
                .append("\" preserveAspectRatio=\"none\">")
                .append(
                        "<style>circle{fill:none;stroke-width:1.6px;vector-effect:non-scaling-stroke}"
                                + ".tp{stroke:#2ecc40}.fp{stroke:#ff4136}.ig{stroke:#aaaaaa}.d{stroke:#ffdc00}"
                                + ".fn{stroke:#39c0ff;stroke-dasharray:4 3}</style>");
        for (int k = 0; k < drawn; k++) {
            CraterCircle c = dets.get(k);
            String cls = "d";
            if (eval.isPresent()) {
                int m = eval.get().matchedTruth()[k];
                cls = m >= 0 ? "tp" : m == -1 ? "fp" : "ig";
            }
            svg.append("<circle class=\"")
                    .append(cls)
                    .append("\" cx=\"")
                    .append(Html.jsNum(c.xPx(), 2))
                    .append("\" cy=\"")
                    .append(Html.jsNum(c.yPx(), 2))
                    .append("\" r=\"")
                    .append(Html.jsNum(c.diameterPx() / 2, 2))
                    .append("\" data-s=\"")
                    .append(Html.jsNum(c.score(), 5))
                    .append("\"/>");
        }
        if (eval.isPresent()) {
            CraterEvaluation e = eval.get();
            for (int t = 0; t < e.truth().size(); t++) {
                CraterCircle c = e.truth().get(t);
                svg.append("<circle class=\"fn\" cx=\"")
                        .append(Html.jsNum(c.xPx(), 2))
                        .append("\" cy=\"")
                        .append(Html.jsNum(c.yPx(), 2))
                        .append("\" r=\"")
                        .append(Html.jsNum(c.diameterPx() / 2, 2))
                        .append("\" data-m=\"")
                        .append(
                                Double.isNaN(e.truthMatchScore()[t])
                                        ? "-1e30"
                                        : Html.jsNum(e.truthMatchScore()[t], 5))
                        .append("\"/>");
            }
        }
        svg.append("</svg></div>");
        StringBuilder controls = new StringBuilder();
        controls.append(
                        "<div class=\"controls\"><label>Score threshold <input type=\"range\" id=\"thr\" min=\"")
                .append(Html.jsNum(lo, 5))
                .append("\" max=\"")
                .append(Html.jsNum(hi, 5))
                .append("\" step=\"any")
                .append("\" value=\"")
                .append(Html.jsNum(initial, 5))
                .append("\"></label> <span class=\"big\" id=\"thr-val\"></span></div>");
        controls.append("<div class=\"legend\">");
        if (eval.isPresent()) {
            controls.append(
                    "<span><i class=\"sw\" style=\"border-color:#2ecc40\"></i>matched (true positive)</span>"
                            + "<span><i class=\"sw\" style=\"border-color:#ff4136\"></i>false positive</span>"
                            + "<span><i class=\"sw\" style=\"border-color:#39c0ff;border-style:dashed\"></i>missed catalogue crater</span>");
            if (opt.craterMinDiameterPx > 0) {
                controls.append(
                        "<span><i class=\"sw\" style=\"border-color:#aaa\"></i>below minimum diameter (ignored)</span>");
            }
        } else {
            controls.append(
                    "<span><i class=\"sw\" style=\"border-color:#ffdc00\"></i>detection</span>");
        }
        controls.append("</div><table class=\"kv\"><tbody id=\"thr-stats\"></tbody></table>");
        if (drawn < dets.size()) {
            controls.append("<p class=\"note\">Only the ")
                    .append(Html.count(drawn))
                    .append(" highest-scoring of ")
                    .append(Html.count(dets.size()))
                    .append(" detections are drawn.</p>");
        }
        page.raw(
                "<div class=\"row\"><div class=\"wide\">"
                        + svg
                        + "</div><div class=\"col\">"
                        + controls
                        + "</div></div>");
        page.endSection();
        page.script(
                SLIDER_JS.replace(
                        "__NTRUTH__", String.valueOf(eval.map(e -> e.truth().size()).orElse(-1))));

        // 2. curves and metrics
        if (eval.isPresent() && eval.get().thresholds().length > 0) {
            CraterEvaluation e = eval.get();
            int b = e.bestIndex();
            headline.put("F1", Html.num(e.f1()[b], 3));
            headline.put(
                    "AP@" + Html.jsNum(opt.craterMinIou, 2), Html.num(e.averagePrecision(), 3));
            XYChart pr =
                    Charts.xy(
                            "Precision–recall",
                            "recall",
                            "precision",
                            List.of(Series.line("PR curve", e.recall(), e.precision())));
            XYSeries best =
                    Charts.add(
                            pr,
                            Series.scatter(
                                    "best F1",
                                    new double[] {e.recall()[b]},
                                    new double[] {e.precision()[b]}));
            if (best != null) {
                best.setMarkerColor(Color.RED);
            }
            pr.getStyler().setLegendVisible(true);
            pr.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
            pr.getStyler().setXAxisMin(0.0);
            pr.getStyler().setXAxisMax(1.0);
            pr.getStyler().setYAxisMin(0.0);
            pr.getStyler().setYAxisMax(1.0);
            XYChart f1 =
                    Charts.xy(
                            "F1, precision and recall vs score threshold",
                            "score threshold",
                            "value",
                            List.of(
                                    Series.line("F1", e.thresholds(), e.f1()),
                                    Series.line("precision", e.thresholds(), e.precision()),
                                    Series.line("recall", e.thresholds(), e.recall())));
            f1.getStyler().setYAxisMin(0.0);
            f1.getStyler().setYAxisMax(1.0);
            f1.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
            String prSrc = images.add("pr_curve", Charts.toImage(pr));
            String f1Src = images.add("f1_threshold", Charts.toImage(f1));
            Map<String, String> m = new LinkedHashMap<>();
            m.put("catalogue craters", Html.count(e.truth().size()));
            m.put("detections", Html.count(dets.size()));
            m.put("matching", "greedy by score, box IoU ≥ " + Html.jsNum(opt.craterMinIou, 2));
            if (opt.craterMinDiameterPx > 0) {
                m.put("minimum diameter", Html.jsNum(opt.craterMinDiameterPx, 2) + " px");
            }
            m.put("AP@" + Html.jsNum(opt.craterMinIou, 2), Html.num(e.averagePrecision(), 3));
            m.put("best F1", Html.num(e.f1()[b], 3));
            m.put("at score threshold", Html.num(e.thresholds()[b], 3));
            m.put("precision there", Html.num(e.precision()[b], 3));
            m.put("recall there", Html.num(e.recall()[b], 3));
            m.put("median detected/true diameter", Html.num(medianDiameterRatio(e), 3));
            page.section(
                    "Detection quality against the catalogue",
                    "Computed by the report from detections.csv and truth.csv.");
            page.raw(
                    "<div class=\"row\"><div class=\"col\">"
                            + HtmlPage.figure(
                                    prSrc,
                                    "PR curve",
                                    "Precision–recall over score thresholds; red: best F1.")
                            + "</div><div class=\"col\">"
                            + HtmlPage.figure(
                                    f1Src,
                                    "F1 vs threshold",
                                    "F1, precision and recall against the score threshold.")
                            + "</div><div class=\"col\">"
                            + Html.keyValues(m)
                            + "</div></div>");
            page.endSection();
        }

        // 3. size-frequency distribution
        boolean hasAge = run.summary().containsKey("ageGa");
        page.section(
                "Size-frequency distribution",
                run.sfd().isPresent()
                        ? "From "
                                + run.sfd().get().file().getFileName()
                                + (run.isochron().isPresent()
                                        ? "; the line is the production function at the model"
                                                + " age (isochron.csv) over the fitted diameter"
                                                + " range."
                                        : ".")
                        : "Cumulative number of craters with diameter ≥ D, computed from the detections"
                                + (run.truth().isPresent() ? " and the catalogue." : "."));
        XYChart sfd;
        if (run.sfd().isPresent()) {
            sfd = sfdFromTable(run.sfd().get(), run.isochron(), run.summary());
        } else {
            boolean km = run.diameterKm().isPresent();
            double[] dd =
                    km
                            ? run.diameterKm().get()
                            : dets.stream().mapToDouble(CraterCircle::diameterPx).toArray();
            List<Series> ss = new ArrayList<>();
            ss.add(cumulative("detections", dd));
            if (run.truth().isPresent() && !km) {
                ss.add(
                        cumulative(
                                "catalogue",
                                run.truth().get().stream()
                                        .mapToDouble(CraterCircle::diameterPx)
                                        .toArray()));
            }
            sfd =
                    Charts.logLog(
                            "Cumulative size-frequency distribution",
                            km ? "diameter D [km]" : "diameter D [px]",
                            "N(≥ D)",
                            ss);
            for (XYSeries s : sfd.getSeriesCollection()) {
                s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
            }
        }
        String sfdSrc = images.add("sfd", Charts.toImage(sfd));
        StringBuilder right = new StringBuilder();
        if (hasAge) {
            Map<String, String> age = modelAge(run.summary());
            right.append("<h3>Model age</h3>").append(Html.keyValues(age));
            headline.put("model age", age.get("model age"));
            String area = run.summary().getOrDefault("areaKm2", "");
            right.append("<p class=\"note\">")
                    .append(
                            "A Poisson fit of the cumulative count in the diameter range to the"
                                    + " production function (as CraterStats' cumulative fit); the"
                                    + " range is the 1-σ Poisson range of N(1). ")
                    .append(
                            area.isEmpty()
                                    ? ""
                                    : "The counting area is only "
                                            + Html.esc(fmt(area, 3))
                                            + " km² with "
                                            + Html.esc(run.summary().getOrDefault("count", "?"))
                                            + " craters in the fit, so this age is indicative: a"
                                            + " few craters more or less move it a lot, and small"
                                            + " craters may be secondaries or be in equilibrium. ")
                    .append("</p>");
        } else {
            Map<String, String> age = new LinkedHashMap<>();
            run.summary()
                    .forEach(
                            (k, v) -> {
                                if (k.toLowerCase(java.util.Locale.ROOT).contains("age")) {
                                    age.put(k, v);
                                }
                            });
            if (!age.isEmpty()) {
                right.append("<h3>Model age</h3>").append(Html.keyValues(age));
                age.entrySet().stream()
                        .findFirst()
                        .ifPresent(en -> headline.put("model age", en.getValue()));
            } else {
                right.append(
                        "<p class=\"note\">No model age in this run (run <code>surveyor craters sfd</code> with the counting area to get one).</p>");
            }
        }
        right.append("<h3>Detections</h3>")
                .append(Html.keyValues(detectionStats(dets, run.diameterKm())));
        page.raw(
                "<div class=\"row\"><div class=\"col\">"
                        + HtmlPage.figure(sfdSrc, "SFD", "Log-log axes.")
                        + "</div><div class=\"col\">"
                        + right
                        + "</div></div>");
        page.endSection();
        if (!run.summary().isEmpty()) {
            page.section("Run summary", "Values from the run's JSON files.");
            page.raw("<div class=\"scroll\">" + Html.keyValues(run.summary()) + "</div>");
            page.endSection();
        }

        // thumbnail for the index
        Optional<Path> thumb = Optional.empty();
        if (background != null) {
            double f = background.getWidth() / (double) w;
            List<CraterCircle> shown =
                    dets.stream()
                            .filter(c -> c.score() >= initial)
                            .limit(opt.maxDrawnDetections)
                            .toList();
            double[] cx = new double[shown.size()];
            double[] cy = new double[shown.size()];
            double[] r = new double[shown.size()];
            Color[] col = new Color[shown.size()];
            for (int i = 0; i < shown.size(); i++) {
                cx[i] = shown.get(i).xPx() * f;
                cy[i] = shown.get(i).yPx() * f;
                r[i] = shown.get(i).diameterPx() / 2 * f;
                col[i] = new Color(0xffdc00);
            }
            BufferedImage t =
                    RasterRenderer.thumbnail(
                            RasterRenderer.overlayCircles(background, cx, cy, r, col, 1.5f), 480);
            images.add("thumb", t);
            thumb = Optional.of(outDir.resolve(ImageStore.fileHref("thumb")));
        }
        Path html = outDir.resolve("report.html");
        page.write(html);
        return new ReportSummary(RunKind.CRATERS, title, html, headline, thumb);
    }

    static double medianDiameterRatio(CraterEvaluation e) {
        List<Double> r = new ArrayList<>();
        for (int k = 0; k < e.detections().size(); k++) {
            int t = e.matchedTruth()[k];
            if (t >= 0) {
                r.add(e.detections().get(k).diameterPx() / e.truth().get(t).diameterPx());
            }
        }
        if (r.isEmpty()) {
            return Double.NaN;
        }
        double[] a = r.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /** Cumulative counts N(≥ D) at each distinct diameter. */
    static Series cumulative(String name, double[] diameters) {
        double[] d =
                Arrays.stream(diameters)
                        .filter(v -> v > 0 && Double.isFinite(v))
                        .sorted()
                        .toArray();
        double[] x = new double[d.length];
        double[] y = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            x[i] = d[i];
            y[i] = d.length - i;
        }
        return new Series(name, x, y, Series.Style.LINE_AND_MARKERS);
    }

    private static XYChart sfdFromTable(
            CsvTable t, Optional<CsvTable> isochron, Map<String, String> summary)
            throws IOException {
        String xcol =
                t.header().stream()
                        .filter(h -> h.startsWith("diameter"))
                        .findFirst()
                        .orElse(t.header().get(0));
        double[] x = t.doubles(xcol);
        List<Series> ss = new ArrayList<>();
        Series.Style style =
                isochron.isPresent() ? Series.Style.SCATTER : Series.Style.LINE_AND_MARKERS;
        for (String h : t.header()) {
            if (!h.equals(xcol)
                    && (h.startsWith("cumulative")
                            || h.startsWith("n_cum")
                            || h.startsWith("density"))) {
                ss.add(new Series(h, x, t.doubles(h), style));
            }
        }
        if (ss.isEmpty()) {
            for (String h : t.header()) {
                if (!h.equals(xcol)) {
                    ss.add(new Series(h, x, t.doubles(h), style));
                    break;
                }
            }
        }
        String yLabel = ss.size() == 1 ? ss.get(0).name().replace('_', ' ') : "value";
        if (isochron.isPresent()) {
            CsvTable iso = isochron.get();
            String ix =
                    iso.header().stream()
                            .filter(h -> h.startsWith("diameter"))
                            .findFirst()
                            .orElse(iso.header().get(0));
            String iy = iso.header().stream().filter(h -> !h.equals(ix)).findFirst().orElse(ix);
            String age = summary.getOrDefault("ageGa", "");
            String system = summary.getOrDefault("chronologySystem", "");
            ss.add(
                    Series.line(
                            "isochron"
                                    + (age.isEmpty() ? "" : " " + fmt(age, 2) + " Ga")
                                    + (system.isEmpty() ? "" : " (" + system + ")"),
                            iso.doubles(ix),
                            iso.doubles(iy)));
            if (ss.size() == 2) {
                ss.set(
                        0,
                        new Series("craters", ss.get(0).x(), ss.get(0).y(), Series.Style.SCATTER));
            }
        }
        return Charts.logLog(
                "Size-frequency distribution",
                xcol.equals("diameter_km") ? "diameter D [km]" : xcol.replace('_', ' '),
                yLabel.replace("per km2", "[km⁻²]"),
                ss);
    }

    /** The model-age table of an {@code age.json} as {@code surveyor craters sfd} writes it. */
    static Map<String, String> modelAge(Map<String, String> s) {
        Map<String, String> m = new LinkedHashMap<>();
        String age = fmt(s.get("ageGa"), 3);
        m.put(
                "model age",
                age
                        + " Ga"
                        + (s.containsKey("ageLowGa") && s.containsKey("ageHighGa")
                                ? " (1σ "
                                        + fmt(s.get("ageLowGa"), 3)
                                        + " – "
                                        + fmt(s.get("ageHighGa"), 3)
                                        + " Ga)"
                                : ""));
        if (s.containsKey("n1PerKm2")) {
            m.put("N(1) [km⁻²]", sci(s.get("n1PerKm2")));
        }
        if (s.containsKey("count")) {
            m.put(
                    "craters in the fit",
                    s.get("count")
                            + (s.containsKey("dMinKm")
                                    ? ", D in ["
                                            + fmt(s.get("dMinKm"), 3)
                                            + ", "
                                            + fmt(s.get("dMaxKm"), 3)
                                            + "] km"
                                    : ""));
        }
        if (s.containsKey("areaKm2")) {
            m.put(
                    "counting area [km²]",
                    fmt(s.get("areaKm2"), 3)
                            + (s.containsKey("areaSource")
                                    ? " (" + s.get("areaSource") + ")"
                                    : ""));
        }
        for (String[] k :
                new String[][] {
                    {"body", "body"},
                    {"chronologySystem", "chronology system"},
                    {"productionFunction", "production function"},
                    {"chronologyFunction", "chronology function"}
                }) {
            if (s.containsKey(k[0])) {
                m.put(k[1], s.get(k[0]));
            }
        }
        return m;
    }

    /** A number with {@code digits} significant digits, or the text as is when not a number. */
    private static String fmt(String v, int digits) {
        if (v == null) {
            return "–";
        }
        try {
            double d = Double.parseDouble(v);
            return new java.math.BigDecimal(d)
                    .round(new java.math.MathContext(digits))
                    .stripTrailingZeros()
                    .toPlainString();
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static String sci(String v) {
        try {
            return String.format(java.util.Locale.ROOT, "%.3e", Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static Map<String, String> detectionStats(
            List<CraterCircle> dets, Optional<double[]> km) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("count", Html.count(dets.size()));
        if (dets.isEmpty()) {
            return m;
        }
        double[] s = dets.stream().mapToDouble(CraterCircle::score).sorted().toArray();
        double[] d = dets.stream().mapToDouble(CraterCircle::diameterPx).sorted().toArray();
        m.put(
                "score min / median / max",
                Html.num(s[0], 3)
                        + " / "
                        + Html.num(s[s.length / 2], 3)
                        + " / "
                        + Html.num(s[s.length - 1], 3));
        m.put(
                "diameter min / median / max [px]",
                Html.num(d[0], 1)
                        + " / "
                        + Html.num(d[d.length / 2], 1)
                        + " / "
                        + Html.num(d[d.length - 1], 1));
        if (km.isPresent()) {
            double[] k = Arrays.stream(km.get()).filter(Double::isFinite).sorted().toArray();
            if (k.length > 0) {
                m.put(
                        "diameter min / median / max [km]",
                        Html.num(k[0], 3)
                                + " / "
                                + Html.num(k[k.length / 2], 3)
                                + " / "
                                + Html.num(k[k.length - 1], 3));
            }
        }
        return m;
    }

    static final String SLIDER_JS =
            """
            (function () {
              var nTruth = __NTRUTH__;
              var slider = document.getElementById('thr');
              var dets = document.querySelectorAll('#crater-svg circle[data-s]');
              var truth = document.querySelectorAll('#crater-svg circle[data-m]');
              var stats = document.getElementById('thr-stats');
              function row(k, v) { return '<tr><th>' + k + '</th><td class="n">' + v + '</td></tr>'; }
              function update() {
                var t = parseFloat(slider.value), shown = 0, tp = 0, fp = 0, fn = 0, i;
                for (i = 0; i < dets.length; i++) {
                  var on = parseFloat(dets[i].getAttribute('data-s')) >= t;
                  dets[i].style.display = on ? '' : 'none';
                  if (on) {
                    shown++;
                    var c = dets[i].getAttribute('class');
                    if (c === 'tp') { tp++; } else if (c === 'fp') { fp++; }
                  }
                }
                for (i = 0; i < truth.length; i++) {
                  var missed = !(parseFloat(truth[i].getAttribute('data-m')) >= t);
                  truth[i].style.display = missed ? '' : 'none';
                  if (missed) { fn++; }
                }
                document.getElementById('thr-val').textContent = t.toFixed(3);
                var h = row('detections shown', shown);
                if (nTruth >= 0) {
                  var p = tp + fp > 0 ? tp / (tp + fp) : 1, r = nTruth > 0 ? tp / nTruth : 0;
                  var f = p + r > 0 ? 2 * p * r / (p + r) : 0;
                  h += row('true positives', tp) + row('false positives', fp) + row('missed', fn)
                     + row('precision', p.toFixed(3)) + row('recall', r.toFixed(3)) + row('F1', f.toFixed(3));
                }
                stats.innerHTML = h;
              }
              slider.addEventListener('input', update);
              update();
            })();
            """;
}
