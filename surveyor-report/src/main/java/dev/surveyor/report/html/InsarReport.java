package dev.surveyor.report.html;

import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.report.ReportOptions;
import dev.surveyor.report.ReportSummary;
import dev.surveyor.report.plot.Charts;
import dev.surveyor.report.plot.ColorMap;
import dev.surveyor.report.plot.ColorScale;
import dev.surveyor.report.plot.RasterRenderer;
import dev.surveyor.report.run.InsarRun;
import dev.surveyor.report.run.PsTable;
import dev.surveyor.report.run.RasterLoading;
import dev.surveyor.report.run.RunKind;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;

/**
 * The PS-InSAR page: the PS velocity map over the mean amplitude with clickable points that show
 * their displacement time series (drawn by inline script from embedded JSON, capped to the
 * highest-coherence points), histograms of coherence and velocity, time series of the most coherent
 * points, co-registration offsets and matches, and tables of the numbers.
 */
public final class InsarReport {
    private InsarReport() {}

    /** Writes {@code outDir/report.html} and its images for an InSAR run. */
    public static ReportSummary write(InsarRun run, Path outDir, ReportOptions opt)
            throws IOException {
        ImageStore images = new ImageStore(outDir, opt.inlineImages);
        PsTable ps = run.ps();
        int n = ps.size();

        // grid size and background
        BufferedImage amp = null;
        int w;
        int h;
        if (run.meanAmplitude().isPresent()) {
            RasterDataset a = RasterLoading.read(run.meanAmplitude().get());
            w = a.width();
            h = a.height();
            amp =
                    RasterRenderer.enlarge(
                            RasterRenderer.renderAmplitudeDb(
                                    a.band(0),
                                    a.noData().isPresent() ? a.noData().getAsDouble() : Double.NaN,
                                    opt.maxImageSidePx,
                                    2,
                                    98),
                            700);
        } else {
            Optional<Path> vel = RasterLoading.find(run.dir(), "velocity");
            if (vel.isPresent()) {
                RasterDataset v = RasterLoading.read(vel.get());
                w = v.width();
                h = v.height();
            } else {
                w = (int) Arrays.stream(ps.col()).max().orElse(0) + 1;
                h = (int) Arrays.stream(ps.row()).max().orElse(0) + 1;
            }
        }
        ColorScale vs =
                ColorScale.symmetric(
                        ColorMap.RDBU, ps.velocityMmYr(), 98, 0.1, "LOS velocity [mm/yr]");

        String name = String.valueOf(run.dir().toAbsolutePath().normalize().getFileName());
        String title = "PS-InSAR — " + name;
        String sub =
                Html.count(n)
                        + " persistent scatterers, "
                        + ps.dates().size()
                        + " dates"
                        + (ps.dates().isEmpty()
                                ? ""
                                : " ("
                                        + ps.dates().get(0)
                                        + " to "
                                        + ps.dates().get(ps.dates().size() - 1)
                                        + ")")
                        + ", grid "
                        + w
                        + " × "
                        + h
                        + " px. Folder: <code>"
                        + Html.esc(run.dir().toString())
                        + "</code>";
        HtmlPage page = new HtmlPage(title, sub);
        Map<String, String> headline = new LinkedHashMap<>();
        headline.put("PS", Html.count(n));
        headline.put("mean coherence", Html.num(mean(ps.coherence()), 3));
        headline.put("dates", String.valueOf(ps.dates().size()));

        // 1. interactive map
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(
                order, Comparator.comparingDouble((Integer i) -> -nanToMinus(ps.coherence()[i])));
        int shown = Math.min(n, opt.maxInteractivePoints);
        String sign =
                run.summary().entrySet().stream()
                        .filter(
                                e ->
                                        e.getKey().toLowerCase(Locale.ROOT).contains("sign")
                                                || e.getKey()
                                                        .toLowerCase(Locale.ROOT)
                                                        .contains("convention"))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse("");
        page.section(
                "Velocity map over mean amplitude",
                "Each circle is a PS coloured by its LOS velocity (red: negative, blue: positive; limits ± the 98th percentile of |v|). "
                        + (sign.isEmpty()
                                ? ""
                                : "Sign convention: " + sign + (sign.endsWith(".") ? " " : ". "))
                        + (amp != null
                                ? "Background: mean amplitude of the stack (mean_amplitude.tif) in dB, grey, stretched between its 2 and 98 % percentiles. "
                                : "No mean_amplitude.tif in this run (an older run), so the background is plain grey. ")
                        + "Click a point to see its displacement time series.");
        StringBuilder svg = new StringBuilder("<div class=\"overlay\">");
        if (amp != null) {
            svg.append("<img src=\"")
                    .append(images.add("mean_amplitude", amp))
                    .append("\" alt=\"mean amplitude\" width=\"")
                    .append(amp.getWidth())
                    .append("\" height=\"")
                    .append(amp.getHeight())
                    .append("\">");
        } else {
            svg.append("<div style=\"padding-top:")
                    .append(Html.jsNum(100.0 * h / Math.max(1, w), 3))
                    .append("%;background:#444\"></div>");
        }
        double r = Math.max(0.45, 0.004 * Math.max(w, h)); // grid px: the amplitude stays visible
        svg.append("<svg id=\"ps-svg\" viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(h)
                .append(
                        "\" preserveAspectRatio=\"none\"><style>#ps-svg circle{stroke:#222;stroke-width:0.5px;"
                                + "vector-effect:non-scaling-stroke;cursor:pointer}#ps-svg circle.sel{fill:none;stroke:#000;stroke-width:2.5px}</style>");
        // draw low coherence first so the best points are on top
        for (int k = shown - 1; k >= 0; k--) {
            int i = order[k];
            svg.append("<circle cx=\"")
                    .append(Html.jsNum(ps.col()[i] + 0.5, 2))
                    .append("\" cy=\"")
                    .append(Html.jsNum(ps.row()[i] + 0.5, 2))
                    .append("\" r=\"")
                    .append(Html.jsNum(r, 2))
                    .append("\" fill=\"")
                    .append(
                            Double.isNaN(ps.velocityMmYr()[i])
                                    ? "#888888"
                                    : vs.map().css(vs.position(ps.velocityMmYr()[i])))
                    .append("\" data-i=\"")
                    .append(k)
                    .append("\"/>");
        }
        svg.append("<circle id=\"ps-sel\" class=\"sel\" cx=\"-10\" cy=\"-10\" r=\"")
                .append(Html.jsNum(r * 1.9, 2))
                .append("\"/>");
        svg.append("</svg></div>");
        String bar = images.add("velocity_colorbar", RasterRenderer.colorBar(vs, 420));
        StringBuilder side = new StringBuilder();
        side.append("<div id=\"ts-info\" class=\"note\"></div><div id=\"ts-chart\"></div>");
        side.append("<img src=\"")
                .append(bar)
                .append("\" alt=\"velocity colour bar\" style=\"max-width:100%\">");
        if (shown < n) {
            side.append("<p class=\"note\">Showing the ")
                    .append(Html.count(shown))
                    .append(" highest-coherence of ")
                    .append(Html.count(n))
                    .append(" PS; all of them are in ps.csv and in the static map below.</p>");
        }
        page.raw(
                "<div class=\"row\"><div class=\"wide\">"
                        + svg
                        + "</div><div class=\"col\">"
                        + side
                        + "</div></div>");
        page.endSection();
        page.script("var PS = " + psJson(ps, order, shown) + ";\n" + TIMESERIES_JS);

        // 2. static map, histograms, time series
        double f = amp == null ? 1 : amp.getWidth() / (double) w;
        BufferedImage base = amp;
        if (base == null) {
            int bw = Math.min(opt.maxImageSidePx, Math.max(200, w));
            f = bw / (double) w;
            base =
                    new BufferedImage(
                            bw, Math.max(1, (int) Math.round(h * f)), BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = base.createGraphics();
            g.setColor(new Color(70, 70, 70));
            g.fillRect(0, 0, base.getWidth(), base.getHeight());
            g.dispose();
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] vv = new double[n];
        for (int k = 0; k < n; k++) {
            int i = order[n - 1 - k];
            xs[k] = (ps.col()[i] + 0.5) * f;
            ys[k] = (ps.row()[i] + 0.5) * f;
            vv[k] = ps.velocityMmYr()[i];
        }
        BufferedImage vmap =
                RasterRenderer.withColorBar(
                        RasterRenderer.overlayPoints(base, xs, ys, vv, vs, Math.max(2.0, r * f)),
                        vs);
        String vmapSrc = images.add("velocity_map", vmap);
        XYChart coh =
                Charts.histogram(
                        "Temporal coherence of the PS",
                        "temporal coherence",
                        ps.coherence(),
                        40,
                        0,
                        1);
        coh.getStyler().setXAxisDecimalPattern("0.0#");
        double vstep = RasterRenderer.niceStep(vs.max() * 1.5 / 4);
        double vl = Math.ceil(vs.max() * 1.5 / vstep) * vstep;
        XYChart vh =
                Charts.histogram(
                        "LOS velocity of the PS",
                        "velocity [mm/yr]",
                        ps.velocityMmYr(),
                        40,
                        -vl,
                        vl);
        vh.getStyler().setXAxisDecimalPattern("0.#");
        page.section("Statistics", "Histograms over all PS in ps.csv.");
        page.raw(
                "<div class=\"row\"><div class=\"col\">"
                        + HtmlPage.figure(
                                images.add("coherence_histogram", Charts.toImage(coh)),
                                "coherence histogram",
                                null)
                        + "</div><div class=\"col\">"
                        + HtmlPage.figure(
                                images.add("velocity_histogram", Charts.toImage(vh)),
                                "velocity histogram",
                                null)
                        + "</div><div class=\"col\">"
                        + Html.keyValues(stats(ps))
                        + "</div></div>");
        page.endSection();

        int few = Math.min(5, n);
        if (few > 0 && !ps.dates().isEmpty()) {
            double[][] vals = new double[few][];
            List<String> names = new ArrayList<>();
            for (int k = 0; k < few; k++) {
                int i = order[k];
                float[] d = ps.displacementMm()[i];
                vals[k] = new double[d.length];
                for (int j = 0; j < d.length; j++) {
                    vals[k][j] = d[j];
                }
                names.add(
                        String.format(
                                Locale.ROOT,
                                "(%d,%d) %.1f mm/yr",
                                (int) ps.row()[i],
                                (int) ps.col()[i],
                                ps.velocityMmYr()[i]));
            }
            XYChart ts =
                    Charts.timeSeries(
                            "Displacement of the " + few + " most coherent PS",
                            "LOS displacement [mm]",
                            ps.dates(),
                            names,
                            vals);
            page.section(
                    "Time series and static map",
                    "PNG versions for slides; legend: (row, col) velocity.");
            page.raw(
                    "<div class=\"row\"><div class=\"wide\">"
                            + HtmlPage.figure(
                                    images.add("timeseries", Charts.toImage(ts)),
                                    "time series",
                                    null)
                            + "</div><div class=\"col\">"
                            + HtmlPage.figure(
                                    vmapSrc, "velocity map", "All PS over the mean amplitude.")
                            + "</div></div>");
            page.endSection();
        }

        // 3. co-registration
        if (run.offsets().isPresent() || run.matches().isPresent()) {
            page.section(
                    "Co-registration",
                    "Offsets of each secondary image against the reference (pixels; x = column, y = row).");
            page.raw(
                    CoregistrationSection.html(
                            run.offsets(),
                            run.matches(),
                            Optional.empty(),
                            Optional.empty(),
                            images,
                            opt.maxImageSidePx,
                            new ArrayList<>()));
            page.endSection();
        }
        if (!run.summary().isEmpty()) {
            page.section("Run summary", "Values from summary.json.");
            page.raw("<div class=\"scroll\">" + Html.keyValues(run.summary()) + "</div>");
            page.endSection();
        }
        images.add("thumb", RasterRenderer.thumbnail(vmap, 480));
        Path html = outDir.resolve("report.html");
        page.write(html);
        return new ReportSummary(
                RunKind.INSAR,
                title,
                html,
                headline,
                Optional.of(outDir.resolve(ImageStore.fileHref("thumb"))));
    }

    private static double nanToMinus(double v) {
        return Double.isNaN(v) ? -1 : v;
    }

    static double mean(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private static Map<String, String> stats(PsTable ps) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PS", Html.count(ps.size()));
        m.put("dates", String.valueOf(ps.dates().size()));
        double[] c = sorted(ps.coherence());
        double[] v = sorted(ps.velocityMmYr());
        double[] d = sorted(ps.demErrorM());
        double[] a = sorted(ps.dispersion());
        m.put(
                "temporal coherence mean / median",
                Html.num(mean(c), 3) + " / " + Html.num(q(c, 0.5), 3));
        m.put("velocity mean ± std [mm/yr]", Html.num(mean(v), 2) + " ± " + Html.num(std(v), 2));
        m.put(
                "velocity 2 % / 50 % / 98 % [mm/yr]",
                Html.num(q(v, 0.02), 2)
                        + " / "
                        + Html.num(q(v, 0.5), 2)
                        + " / "
                        + Html.num(q(v, 0.98), 2));
        m.put("DEM error mean ± std [m]", Html.num(mean(d), 2) + " ± " + Html.num(std(d), 2));
        m.put("amplitude dispersion median", Html.num(q(a, 0.5), 3));
        return m;
    }

    private static double[] sorted(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
    }

    private static double q(double[] s, double p) {
        return s.length == 0
                ? Double.NaN
                : s[(int) Math.min(s.length - 1, Math.round(p * (s.length - 1)))];
    }

    private static double std(double[] s) {
        if (s.length < 2) {
            return Double.NaN;
        }
        double m = mean(s);
        double acc = 0;
        for (double x : s) {
            acc += (x - m) * (x - m);
        }
        return Math.sqrt(acc / (s.length - 1));
    }

    /**
     * {@code {"dates":[...], "p":[[row,col,v,coh,dem,[disp...]],...]}} of the first {@code shown}
     * in order.
     */
    static String psJson(PsTable ps, Integer[] order, int shown) {
        StringBuilder b = new StringBuilder(64 + shown * (40 + 8 * ps.dates().size()));
        b.append("{\"dates\":[");
        for (int d = 0; d < ps.dates().size(); d++) {
            b.append(d == 0 ? "" : ",").append(Html.jsString(ps.dates().get(d).toString()));
        }
        b.append("],\"p\":[");
        for (int k = 0; k < shown; k++) {
            int i = order[k];
            b.append(k == 0 ? "[" : ",[")
                    .append(Html.jsNum(ps.row()[i], 0))
                    .append(',')
                    .append(Html.jsNum(ps.col()[i], 0))
                    .append(',')
                    .append(Html.jsNum(ps.velocityMmYr()[i], 3))
                    .append(',')
                    .append(Html.jsNum(ps.coherence()[i], 3))
                    .append(',')
                    .append(Html.jsNum(ps.demErrorM()[i], 2))
                    .append(",[");
            float[] d = ps.displacementMm()[i];
            for (int j = 0; j < d.length; j++) {
                b.append(j == 0 ? "" : ",").append(Html.jsNum(d[j], 2));
            }
            b.append("]]");
        }
        return b.append("]}").toString();
    }

    static final String TIMESERIES_JS =
            """
            (function () {
              var NS = 'http://www.w3.org/2000/svg';
              var svgMap = document.getElementById('ps-svg');
              var sel = document.getElementById('ps-sel');
              var box = document.getElementById('ts-chart');
              var info = document.getElementById('ts-info');
              var t = PS.dates.map(function (d) { return Date.parse(d + 'T00:00:00Z'); });
              function el(name, attrs, parent) {
                var e = document.createElementNS(NS, name);
                for (var k in attrs) { e.setAttribute(k, attrs[k]); }
                if (parent) { parent.appendChild(e); }
                return e;
              }
              function ticks(lo, hi, n) {
                var span = hi - lo, step = Math.pow(10, Math.floor(Math.log10(span / n)));
                [1, 2, 5, 10].some(function (m) { if (span / (step * m) <= n) { step = step * m; return true; } return false; });
                var out = [];
                for (var v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * span; v += step) { out.push(v); }
                return out;
              }
              function show(k) {
                var p = PS.p[k];
                if (!p) { return; }
                sel.setAttribute('cx', p[1] + 0.5);
                sel.setAttribute('cy', p[0] + 0.5);
                info.textContent = 'PS at row ' + p[0] + ', column ' + p[1] + ': velocity '
                    + (p[2] === null ? '–' : p[2].toFixed(2)) + ' mm/yr, temporal coherence '
                    + (p[3] === null ? '–' : p[3].toFixed(3)) + ', DEM error '
                    + (p[4] === null ? '–' : p[4].toFixed(1)) + ' m.';
                while (box.firstChild) { box.removeChild(box.firstChild); }
                var W = 520, H = 300, L = 52, R = 12, T = 14, B = 40;
                var s = el('svg', {viewBox: '0 0 ' + W + ' ' + H, width: '100%', role: 'img'}, box);
                var d = p[5], xs = [], ys = [];
                for (var i = 0; i < d.length; i++) { if (d[i] !== null) { xs.push(t[i]); ys.push(d[i]); } }
                if (xs.length === 0) { return; }
                var x0 = t[0], x1 = t[t.length - 1];
                if (x1 === x0) { x1 = x0 + 864e5; }
                var y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
                if (y1 - y0 < 1) { y0 -= 0.5; y1 += 0.5; }
                var pad = 0.08 * (y1 - y0); y0 -= pad; y1 += pad;
                function X(v) { return L + (v - x0) / (x1 - x0) * (W - L - R); }
                function Y(v) { return T + (y1 - v) / (y1 - y0) * (H - T - B); }
                el('rect', {x: L, y: T, width: W - L - R, height: H - T - B, fill: '#fff', stroke: '#999'}, s);
                ticks(y0, y1, 6).forEach(function (v) {
                  el('line', {x1: L, x2: W - R, y1: Y(v), y2: Y(v), stroke: '#e3e3e3'}, s);
                  el('text', {x: L - 5, y: Y(v) + 4, 'text-anchor': 'end'}, s).textContent = +v.toFixed(2);
                });
                var yr0 = new Date(x0).getUTCFullYear(), yr1 = new Date(x1).getUTCFullYear();
                var months = (x1 - x0) / (30.44 * 864e5);
                var monthStep = months <= 8 ? 1 : months <= 18 ? 3 : months <= 40 ? 6 : 12;
                for (var y = yr0; y <= yr1; y++) {
                  for (var m = 0; m < 12; m += monthStep) {
                    var tv = Date.UTC(y, m, 1);
                    if (tv < x0 || tv > x1) { continue; }
                    el('line', {x1: X(tv), x2: X(tv), y1: T, y2: H - B, stroke: '#eeeeee'}, s);
                    el('text', {x: X(tv), y: H - B + 15, 'text-anchor': 'middle'}, s).textContent =
                        monthStep === 12 ? String(y) : y + '-' + String(m + 1).padStart(2, '0');
                  }
                }
                el('text', {x: 14, y: T + (H - T - B) / 2, transform: 'rotate(-90 14 ' + (T + (H - T - B) / 2) + ')',
                           'text-anchor': 'middle'}, s).textContent = 'LOS displacement [mm]';
                el('text', {x: L + (W - L - R) / 2, y: H - 6, 'text-anchor': 'middle'}, s).textContent = 'date';
                if (p[2] !== null) {
                  var yrMs = 365.25 * 864e5, mt = 0, md = 0;
                  for (i = 0; i < xs.length; i++) { mt += xs[i] / xs.length; md += ys[i] / xs.length; }
                  var f = function (x) { return md + p[2] * (x - mt) / yrMs; };
                  el('line', {x1: X(x0), y1: Y(f(x0)), x2: X(x1), y2: Y(f(x1)), stroke: '#d62728',
                             'stroke-dasharray': '5 4', 'stroke-width': 1.5}, s);
                }
                var pts = xs.map(function (x, j) { return X(x).toFixed(1) + ',' + Y(ys[j]).toFixed(1); }).join(' ');
                el('polyline', {points: pts, fill: 'none', stroke: '#1f77b4', 'stroke-width': 1.5}, s);
                for (i = 0; i < xs.length; i++) { el('circle', {cx: X(xs[i]), cy: Y(ys[i]), r: 2.6, fill: '#1f77b4'}, s); }
                el('text', {x: W - R - 4, y: T + 14, 'text-anchor': 'end'}, s).textContent = 'dashed: linear velocity';
              }
              svgMap.addEventListener('click', function (e) {
                var k = e.target.getAttribute && e.target.getAttribute('data-i');
                if (k !== null && k !== undefined) { show(parseInt(k, 10)); }
              });
              show(0);
            })();
            """;
}
