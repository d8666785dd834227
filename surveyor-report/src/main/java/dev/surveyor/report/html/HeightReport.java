package dev.surveyor.report.html;

import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.raster.Rasters;
import dev.surveyor.report.ReportOptions;
import dev.surveyor.report.ReportSummary;
import dev.surveyor.report.plot.Charts;
import dev.surveyor.report.plot.ColorMap;
import dev.surveyor.report.plot.ColorScale;
import dev.surveyor.report.plot.RasterRenderer;
import dev.surveyor.report.run.HeightMetrics;
import dev.surveyor.report.run.JsonSummary;
import dev.surveyor.report.run.RasterLoading;
import dev.surveyor.report.run.RunKind;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The height page: optical input, predicted height map, and when {@code truth.*} exists the true
 * height, the error map (predicted − true, diverging colours with symmetric limits), the
 * predicted-vs-true scatter and error tables (all pixels, building pixels, by height bin).
 *
 * <p>Run folder: {@code height.tif} (float32 metres, NaN = no data), optional {@code truth.tif},
 * optional {@code image.*} (the optical input), optional {@code summary.json}/{@code metrics.json}.
 */
public final class HeightReport {
    private HeightReport() {}

    /** Truth-height bin edges in metres for the error table. */
    static final double[] BIN_EDGES_M = {
        Double.NEGATIVE_INFINITY, 0.5, 3, 10, 20, 40, Double.POSITIVE_INFINITY
    };

    /** Writes {@code outDir/report.html} and its images for a height run. */
    public static ReportSummary write(Path dir, Path outDir, ReportOptions opt) throws IOException {
        ImageStore images = new ImageStore(outDir, opt.inlineImages);
        Path predFile =
                RasterLoading.find(dir, "height")
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                dir + ": no height.tif in the height run folder"));
        RasterF32 pred = asFloat(RasterLoading.read(predFile));
        Optional<Path> truthFile = RasterLoading.find(dir, "truth");
        Optional<RasterF32> truth = Optional.empty();
        if (truthFile.isPresent()) {
            RasterF32 t = asFloat(RasterLoading.read(truthFile.get()));
            if (t.width() != pred.width() || t.height() != pred.height()) {
                throw new IllegalArgumentException(
                        truthFile.get()
                                + ": truth is "
                                + t.width()
                                + "x"
                                + t.height()
                                + " but "
                                + predFile.getFileName()
                                + " is "
                                + pred.width()
                                + "x"
                                + pred.height());
            }
            truth = Optional.of(t);
        }
        Optional<Path> imageFile = RasterLoading.find(dir, "image");
        String name = String.valueOf(dir.toAbsolutePath().normalize().getFileName());
        String title = "Height — " + name;
        HtmlPage page =
                new HtmlPage(
                        title,
                        "Predicted surface height above ground, "
                                + pred.width()
                                + " × "
                                + pred.height()
                                + " px. Folder: <code>"
                                + Html.esc(dir.toString())
                                + "</code>");
        Map<String, String> headline = new LinkedHashMap<>();

        // shared height scale for prediction and truth
        double[] sample = ColorScale.sample(pred, Double.NaN, 1 << 20);
        if (truth.isPresent()) {
            double[] ts = ColorScale.sample(truth.get(), Double.NaN, 1 << 20);
            double[] both = new double[sample.length + ts.length];
            System.arraycopy(sample, 0, both, 0, sample.length);
            System.arraycopy(ts, 0, both, sample.length, ts.length);
            sample = both;
        }
        ColorScale hs = ColorScale.percentile(ColorMap.VIRIDIS, sample, 1, 99, "height [m]");
        page.section(
                "Input and predicted height",
                "Colours: viridis, limits at the 1st and 99th percentile of"
                        + (truth.isPresent()
                                ? " predicted and true heights (same scale for both)."
                                : " the predicted heights."));
        StringBuilder row = new StringBuilder("<div class=\"row\">");
        BufferedImage thumbSource = null;
        if (imageFile.isPresent()) {
            RasterDataset img = RasterLoading.read(imageFile.get());
            BufferedImage im =
                    RasterRenderer.enlarge(
                            RasterRenderer.renderImage(
                                    img, opt.maxImageSidePx, 1, 99, opt.rgbBands),
                            420);
            row.append("<div class=\"col3\">")
                    .append(
                            HtmlPage.figure(
                                    images.add("image", im),
                                    "input image",
                                    "Input "
                                            + imageFile.get().getFileName()
                                            + " (1–99 % stretch per band"
                                            + (img.numBands() >= 3
                                                    ? ", bands "
                                                            + (opt.rgbBands[0] + 1)
                                                            + ", "
                                                            + (opt.rgbBands[1] + 1)
                                                            + ", "
                                                            + (opt.rgbBands[2] + 1)
                                                            + " as RGB"
                                                    : "")
                                            + ")."))
                    .append("</div>");
        }
        BufferedImage hp =
                RasterRenderer.withColorBar(
                        RasterRenderer.enlarge(
                                RasterRenderer.render(pred, Double.NaN, hs, opt.maxImageSidePx),
                                420),
                        hs);
        thumbSource = hp;
        row.append("<div class=\"col3\">")
                .append(
                        HtmlPage.figure(
                                images.add("height", hp),
                                "predicted height",
                                "Predicted height (" + predFile.getFileName() + ")."))
                .append("</div>");
        if (truth.isPresent()) {
            BufferedImage tp =
                    RasterRenderer.withColorBar(
                            RasterRenderer.enlarge(
                                    RasterRenderer.render(
                                            truth.get(), Double.NaN, hs, opt.maxImageSidePx),
                                    420),
                            hs);
            row.append("<div class=\"col3\">")
                    .append(
                            HtmlPage.figure(
                                    images.add("truth", tp),
                                    "true height",
                                    "True height (" + truthFile.get().getFileName() + ")."))
                    .append("</div>");
        }
        page.raw(row.append("</div>").toString());
        page.endSection();

        if (truth.isPresent()) {
            RasterF32 t = truth.get();
            RasterF32 err = new RasterF32(pred.width(), pred.height());
            for (int y = 0; y < pred.height(); y++) {
                for (int x = 0; x < pred.width(); x++) {
                    err.unsafeSet(x, y, pred.unsafeGet(x, y) - t.unsafeGet(x, y));
                }
            }
            ColorScale es =
                    ColorScale.symmetric(
                            ColorMap.RDBU,
                            ColorScale.sample(err, Double.NaN, 1 << 20),
                            98,
                            1e-3,
                            "error = predicted − true [m]");
            BufferedImage ep =
                    RasterRenderer.withColorBar(
                            RasterRenderer.enlarge(
                                    RasterRenderer.render(err, Double.NaN, es, opt.maxImageSidePx),
                                    420),
                            es);
            // regular subsample for the scatter
            long valid = 0;
            for (int y = 0; y < pred.height(); y++) {
                for (int x = 0; x < pred.width(); x++) {
                    if (Float.isFinite(pred.unsafeGet(x, y)) && Float.isFinite(t.unsafeGet(x, y))) {
                        valid++;
                    }
                }
            }
            long step = Math.max(1, (valid + opt.maxScatterPoints - 1) / opt.maxScatterPoints);
            List<double[]> pts = new ArrayList<>();
            long k = 0;
            for (int y = 0; y < pred.height(); y++) {
                for (int x = 0; x < pred.width(); x++) {
                    float p = pred.unsafeGet(x, y);
                    float tv = t.unsafeGet(x, y);
                    if (Float.isFinite(p) && Float.isFinite(tv) && (k++ % step == 0)) {
                        pts.add(new double[] {tv, p});
                    }
                }
            }
            double[] sx = pts.stream().mapToDouble(a -> a[0]).toArray();
            double[] sy = pts.stream().mapToDouble(a -> a[1]).toArray();
            BufferedImage sc =
                    Charts.toImage(
                            Charts.scatterOneToOne(
                                    "Predicted vs true height",
                                    "true height [m]",
                                    "predicted height [m]",
                                    sx,
                                    sy));
            HeightMetrics m = HeightMetrics.compute(pred, t, opt.buildingMinHeightM);
            headline.put("RMSE", Html.num(m.rmseM(), 2) + " m");
            headline.put("MAE", Html.num(m.maeM(), 2) + " m");
            headline.put("RMSE / RMSE(0)", Html.num(m.rmseM() / m.zeroRmseM(), 3));
            Map<String, String> kv = new LinkedHashMap<>();
            kv.put("pixels compared", Html.count(m.count()));
            kv.put("MAE", Html.num(m.maeM(), 3) + " m");
            kv.put("RMSE", Html.num(m.rmseM(), 3) + " m");
            kv.put("bias (mean error)", Html.num(m.biasM(), 3) + " m");
            kv.put("RMSE of predicting 0", Html.num(m.zeroRmseM(), 3) + " m");
            kv.put("RMSE / RMSE(0)", Html.num(m.rmseM() / m.zeroRmseM(), 3));
            kv.put(
                    "building pixels (true > " + Html.jsNum(opt.buildingMinHeightM, 2) + " m)",
                    Html.count(m.buildingCount()));
            kv.put("building MAE", Html.num(m.buildingMaeM(), 3) + " m");
            kv.put("building RMSE", Html.num(m.buildingRmseM(), 3) + " m");
            page.section(
                    "Errors",
                    "Error = predicted − true height. Red: predicted too low; blue: predicted too high."
                            + " Limits: ± the 98th percentile of |error|.");
            page.raw(
                    "<div class=\"row\"><div class=\"col\">"
                            + HtmlPage.figure(images.add("error", ep), "error map", "Error map.")
                            + "</div><div class=\"col\">"
                            + HtmlPage.figure(
                                    images.add("scatter", sc),
                                    "scatter",
                                    "Predicted against true height"
                                            + (step > 1
                                                    ? " (every " + step + "th valid pixel)"
                                                    : "")
                                            + "; dashed: 1:1.")
                            + "</div><div class=\"col\"><h3>Metrics</h3>"
                            + Html.keyValues(kv)
                            + "<h3>By true height</h3>"
                            + binTable(pred, t)
                            + "</div></div>");
            page.endSection();
        }
        Map<String, String> summary = new LinkedHashMap<>();
        summary.putAll(JsonSummary.read(dir.resolve("summary.json")));
        summary.putAll(JsonSummary.read(dir.resolve("metrics.json")));
        if (!summary.isEmpty()) {
            page.section("Run summary", "Values from the run's JSON files.");
            page.raw("<div class=\"scroll\">" + Html.keyValues(summary) + "</div>");
            page.endSection();
        }
        images.add("thumb", RasterRenderer.thumbnail(thumbSource, 480));
        Path html = outDir.resolve("report.html");
        page.write(html);
        return new ReportSummary(
                RunKind.HEIGHT,
                title,
                html,
                headline,
                Optional.of(outDir.resolve(ImageStore.fileHref("thumb"))));
    }

    private static RasterF32 asFloat(RasterDataset ds) {
        double nd = ds.noData().isPresent() ? ds.noData().getAsDouble() : Double.NaN;
        return ds.band(0) instanceof RasterF32 f && Double.isNaN(nd)
                ? f
                : Rasters.toFloat(ds.band(0), nd);
    }

    private static String binTable(RasterF32 pred, RasterF32 truth) {
        int nb = BIN_EDGES_M.length - 1;
        long[] n = new long[nb];
        double[] sa = new double[nb];
        double[] s2 = new double[nb];
        for (int y = 0; y < pred.height(); y++) {
            for (int x = 0; x < pred.width(); x++) {
                float p = pred.unsafeGet(x, y);
                float t = truth.unsafeGet(x, y);
                if (!Float.isFinite(p) || !Float.isFinite(t)) {
                    continue;
                }
                for (int b = 0; b < nb; b++) {
                    if (t >= BIN_EDGES_M[b] && t < BIN_EDGES_M[b + 1]) {
                        double e = p - t;
                        n[b]++;
                        sa[b] += Math.abs(e);
                        s2[b] += e * e;
                        break;
                    }
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int b = 0; b < nb; b++) {
            if (n[b] == 0) {
                continue;
            }
            String lo = Double.isInfinite(BIN_EDGES_M[b]) ? "" : Html.jsNum(BIN_EDGES_M[b], 1);
            String hi =
                    Double.isInfinite(BIN_EDGES_M[b + 1]) ? "" : Html.jsNum(BIN_EDGES_M[b + 1], 1);
            String label =
                    lo.isEmpty()
                            ? "< " + hi + " m"
                            : hi.isEmpty() ? "≥ " + lo + " m" : lo + "–" + hi + " m";
            rows.add(
                    List.of(
                            label,
                            Html.count(n[b]),
                            Html.num(sa[b] / n[b], 2),
                            Html.num(Math.sqrt(s2[b] / n[b]), 2)));
        }
        return Html.table(List.of("true height", "pixels", "MAE [m]", "RMSE [m]"), rows);
    }
}
