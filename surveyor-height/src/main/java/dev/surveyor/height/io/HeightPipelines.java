package dev.surveyor.height.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.core.raster.RasterU8;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.height.data.InputView;
import dev.surveyor.height.eval.HeightEvaluation;
import dev.surveyor.height.predict.ConfigTiledPrediction;
import dev.surveyor.height.predict.HeightPredictor;
import dev.surveyor.height.predict.TiledHeightPredictor;
import dev.surveyor.io.AtomicFiles;
import dev.surveyor.io.RasterIO;
import dev.surveyor.io.RasterSource;
import dev.surveyor.io.image.PngWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Predict and evaluate height rasters on files. */
public final class HeightPipelines {
    /** Longest side of the PNG preview in pixels. */
    public static final int PREVIEW_MAX_PX = 1024;

    private HeightPipelines() {}

    /**
     * Checks that a raster can be predicted by a model taking {@code modelBands} bands.
     *
     * @throws IllegalArgumentException naming the file and the value when it cannot
     */
    public static void checkPredictable(RasterSource src, Path image, int modelBands) {
        if (src.numBands() != modelBands) {
            throw new IllegalArgumentException(
                    image.getFileName()
                            + ": has "
                            + src.numBands()
                            + " bands but the model expects "
                            + modelBands);
        }
        if (src.dataType().isComplex()) {
            throw new IllegalArgumentException(
                    image.getFileName() + ": complex samples cannot be predicted");
        }
    }

    /**
     * The view files of a model in its input order, from files given by view name.
     *
     * @param modelDir the model directory (named in messages)
     * @param views (Input) the model's views ({@link HeightPredictor#views()}, {@code
     *     ModelCard.views})
     * @param given (Input) view name to file
     * @throws IllegalArgumentException naming the model directory and the view when a view of the
     *     model is not given or a given one is not the model's
     */
    public static List<Path> viewFiles(
            Path modelDir, List<InputView> views, Map<String, Path> given) {
        List<Path> out = new ArrayList<>();
        for (InputView v : views) {
            Path f = given.get(v.name());
            if (f == null) {
                throw new IllegalArgumentException(
                        modelDir
                                + ": the model was trained with view '"
                                + v.name()
                                + "' ("
                                + v.bands()
                                + " bands after the image bands), which was not given (--view "
                                + v.name()
                                + "=FILE)");
            }
            out.add(f);
        }
        for (String name : given.keySet()) {
            if (views.stream().noneMatch(v -> v.name().equals(name))) {
                throw new IllegalArgumentException(
                        modelDir
                                + ": the model has no view '"
                                + name
                                + "' (its views: "
                                + (views.isEmpty()
                                        ? "none"
                                        : String.join(
                                                ", ", views.stream().map(InputView::name).toList()))
                                + ")");
            }
        }
        return out;
    }

    /**
     * Checks that an image and the files of a model's views can be predicted together: the image
     * has {@code imageBands} bands, each view file the view's band count and the image's size, no
     * complex samples.
     *
     * @param model the model's name in messages (its directory)
     * @param viewSources (Input) open view files, in the order of {@code views}
     * @throws IllegalArgumentException naming the model, the view and the file when they cannot
     */
    public static void checkPredictable(
            String model,
            RasterSource src,
            Path image,
            int imageBands,
            List<InputView> views,
            List<RasterSource> viewSources) {
        if (viewSources.size() != views.size()) {
            throw new IllegalArgumentException(
                    model
                            + ": the model takes "
                            + views.size()
                            + " view(s) "
                            + views
                            + " but "
                            + viewSources.size()
                            + " view file(s) were given");
        }
        checkPredictable(src, image, imageBands);
        for (int i = 0; i < views.size(); i++) {
            InputView v = views.get(i);
            RasterSource vs = viewSources.get(i);
            if (vs.numBands() != v.bands() || vs.dataType().isComplex()) {
                throw new IllegalArgumentException(
                        vs.path().getFileName()
                                + ": view '"
                                + v.name()
                                + "' has "
                                + vs.numBands()
                                + (vs.dataType().isComplex() ? " complex" : "")
                                + " bands but the model "
                                + model
                                + " expects "
                                + v.bands()
                                + " real bands");
            }
            if (vs.width() != src.width() || vs.height() != src.height()) {
                throw new IllegalArgumentException(
                        vs.path().getFileName()
                                + ": view '"
                                + v.name()
                                + "' is "
                                + vs.width()
                                + "x"
                                + vs.height()
                                + " but the image "
                                + image.getFileName()
                                + " is "
                                + src.width()
                                + "x"
                                + src.height());
            }
        }
    }

    /**
     * Predicts {@code image} into a float32 GeoTIFF (height in metres, NaN = no data, declared as
     * the no-data value) with the image's georeferencing, streaming rows (bounded memory), and
     * writes a colour-mapped PNG preview (0..previewMaxM) when {@code preview} is not null. For a
     * model without views.
     */
    public static void predictFile(
            HeightPredictor model,
            Path image,
            Path out,
            Path preview,
            double previewMaxM,
            ConfigTiledPrediction config,
            ProgressListener progress)
            throws IOException {
        predictFile(model, image, List.of(), out, preview, previewMaxM, config, progress);
    }

    /**
     * As {@link #predictFile(HeightPredictor, Path, Path, Path, double, ConfigTiledPrediction,
     * ProgressListener)}, with the files of the model's extra views ({@link
     * HeightPredictor#views()}, same pixel grid as the image), read window by window like the
     * image.
     *
     * @param viewFiles (Input) one file per view of the model, in the model's order (see {@link
     *     #viewFiles})
     */
    public static void predictFile(
            HeightPredictor model,
            Path image,
            List<Path> viewFiles,
            Path out,
            Path preview,
            double previewMaxM,
            ConfigTiledPrediction config,
            ProgressListener progress)
            throws IOException {
        String name = model.directory().map(Path::toString).orElse("the model");
        try (HeightInputs in =
                HeightInputs.openChecked(
                        name, image, viewFiles, model.imageBands(), model.views())) {
            RasterSource src = in.image();
            try (HeightRasterOutput output =
                    HeightRasterOutput.create(src, out, preview, previewMaxM)) {
                TiledHeightPredictor.create(config)
                        .predict(
                                model,
                                src.width(),
                                src.height(),
                                in::readWindow,
                                output.rows(),
                                progress);
                output.commit();
            }
        }
    }

    /**
     * Evaluates {@code pred} against {@code truth} (same grid; band 1; no-data and NaN excluded)
     * and writes {@code metrics.json}, {@code error.png} (prediction − truth, ±20 m blue–white–red)
     * and {@code scatter.png} (log-density of predicted vs true height over 0..ssimMaxM) into
     * {@code outDir}.
     */
    public static HeightEvaluation evaluateFiles(
            Path truth, Path pred, Path outDir, double buildingThresholdM, double ssimMaxM)
            throws IOException {
        float[][] t = readBand0(truth);
        float[][] p = readBand0(pred);
        int w = (int) t[1][0];
        int h = (int) t[1][1];
        if (w != (int) p[1][0] || h != (int) p[1][1]) {
            throw new RasterFormatException(
                    pred,
                    "size "
                            + (int) p[1][0]
                            + "x"
                            + (int) p[1][1]
                            + " differs from the truth "
                            + w
                            + "x"
                            + h);
        }
        HeightEvaluation ev =
                HeightEvaluation.of(t[0], p[0], w, h, buildingThresholdM, 0, ssimMaxM);
        java.nio.file.Files.createDirectories(outDir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("truth", truth.toString());
        json.put("prediction", pred.toString());
        json.put("units", "metres");
        json.put("buildingThresholdM", buildingThresholdM);
        json.put("rmseRatioToZero", ev.metrics().rmseRatioToZero());
        json.put("evaluation", ev);
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(outDir.resolve("metrics.json"), out -> om.writeValue(out, json));
        RasterU8[] err = {new RasterU8(w, h), new RasterU8(w, h), new RasterU8(w, h)};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] c = ColorMaps.diverging(p[0][y * w + x] - t[0][y * w + x], 20);
                for (int k = 0; k < 3; k++) {
                    err[k].set(x, y, c[k]);
                }
            }
        }
        PngWriter.write(RasterDataset.of(MultiBandRaster.of(err)), outDir.resolve("error.png"));
        int n = 256;
        long[] hist = new long[n * n];
        long max = 1;
        for (int i = 0; i < t[0].length; i++) {
            float a = t[0][i];
            float b = p[0][i];
            if (!Float.isFinite(a) || !Float.isFinite(b)) {
                continue;
            }
            int cx = (int) Math.max(0, Math.min(n - 1, a / ssimMaxM * (n - 1)));
            int cy = (int) Math.max(0, Math.min(n - 1, b / ssimMaxM * (n - 1)));
            int k = (n - 1 - cy) * n + cx;
            max = Math.max(max, ++hist[k]);
        }
        RasterU8[] sc = {new RasterU8(n, n), new RasterU8(n, n), new RasterU8(n, n)};
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                long c = hist[y * n + x];
                int v =
                        c == 0
                                ? 255
                                : (int) Math.round(200 * (1 - Math.log1p(c) / Math.log1p(max)));
                boolean diag = x == n - 1 - y;
                sc[0].set(x, y, diag && c == 0 ? 200 : v);
                sc[1].set(x, y, diag && c == 0 ? 120 : v);
                sc[2].set(x, y, diag && c == 0 ? 120 : 255);
            }
        }
        PngWriter.write(RasterDataset.of(MultiBandRaster.of(sc)), outDir.resolve("scatter.png"));
        return ev;
    }

    /** Band 1 as floats (no-data → NaN) and {@code {width, height}} in the second row. */
    private static float[][] readBand0(Path f) throws IOException {
        try (RasterSource s = RasterIO.open(f)) {
            Raster r = s.readBand(0, 0, 0, s.width(), s.height());
            OptionalDouble nd = s.noData();
            float[] v = new float[s.width() * s.height()];
            for (int y = 0; y < s.height(); y++) {
                for (int x = 0; x < s.width(); x++) {
                    double d = r.getDouble(x, y);
                    v[y * s.width() + x] =
                            nd.isPresent() && d == nd.getAsDouble() ? Float.NaN : (float) d;
                }
            }
            return new float[][] {v, {s.width(), s.height()}};
        }
    }

    /** Reads a raster's band 1 into a float raster (no-data → NaN). */
    public static RasterF32 readHeight(Path f) throws IOException {
        float[][] b = readBand0(f);
        return new RasterF32(b[0], (int) b[1][0], (int) b[1][1], 0, (int) b[1][0]);
    }
}
