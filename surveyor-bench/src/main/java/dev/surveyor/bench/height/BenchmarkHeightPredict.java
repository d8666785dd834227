package dev.surveyor.bench.height;

import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.height.nn.ConfigHeightNet;
import dev.surveyor.height.predict.ConfigTiledPrediction;
import dev.surveyor.height.predict.HeightModel;
import dev.surveyor.height.predict.ModelCard;
import dev.surveyor.height.predict.TiledHeightPredictor;
import dev.surveyor.learn.LearnEngine;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Prediction throughput of a height model (megapixels per second) with DJL, and the same MRFED
 * forward pass in Debian's python3-torch, side by side in one run.
 *
 * <p>Usage: {@code BenchmarkHeightPredict [MODEL_DIR=models/height-zy3] [THREADS=2] [SCENE_PX=1024]
 * [RUNS=5]}. Prints one CSV-like line per measurement. Not a JMH benchmark: one forward pass is
 * tens of milliseconds, so wall-clock medians over a few runs are enough.
 */
public final class BenchmarkHeightPredict {
    private BenchmarkHeightPredict() {}

    public static void main(String[] args) throws Exception {
        Path modelDir = Path.of(args.length > 0 ? args[0] : "models/height-zy3");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int scene = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        LearnEngine.start(threads);
        ModelCard card = HeightModel.readCard(modelDir);
        ConfigHeightNet net = card.netConfig();
        int window = 256;
        try (HeightModel model = HeightModel.load(modelDir)) {
            SplittableRandom rnd = new SplittableRandom(1);
            float[][] bands = new float[net.inputBands][window * window];
            for (float[] b : bands) {
                for (int i = 0; i < b.length; i++) {
                    b[i] = (float) (1000 + 300 * rnd.nextGaussian());
                }
            }
            model.predictWindow(bands, window, window);
            double[] t = new double[runs];
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                model.predictWindow(bands, window, window);
                t[r] = (System.nanoTime() - t0) / 1e9;
            }
            Arrays.sort(t);
            double djl = t[runs / 2];
            RasterF32[] img = new RasterF32[net.inputBands];
            for (int b = 0; b < img.length; b++) {
                img[b] = new RasterF32(scene, scene);
                for (int y = 0; y < scene; y++) {
                    for (int x = 0; x < scene; x++) {
                        img[b].set(x, y, (float) (1000 + 300 * rnd.nextGaussian()));
                    }
                }
            }
            long t0 = System.nanoTime();
            TiledHeightPredictor.create(new ConfigTiledPrediction())
                    .predict(model, MultiBandRaster.of(img), OptionalDouble.empty());
            double sceneS = (System.nanoTime() - t0) / 1e9;
            double py = pythonForward(net, window, threads, runs);
            System.out.printf(
                    Locale.ROOT,
                    "model,%s,params,%d,threads,%d%n"
                            + "djl_forward_%dpx_s,%.4f%n"
                            + "torch_forward_%dpx_s,%.4f%n"
                            + "djl_over_torch,%.3f%n"
                            + "djl_tiled_scene_%dpx_s,%.3f,megapixels_per_s,%.3f%n",
                    modelDir,
                    model.parameterCount(),
                    threads,
                    window,
                    djl,
                    window,
                    py,
                    djl / py,
                    scene,
                    sceneS,
                    (double) scene * scene / 1e6 / sceneS);
        }
    }

    private static double pythonForward(ConfigHeightNet net, int size, int threads, int runs)
            throws Exception {
        Path script = Files.createTempFile("mrfed_torch", ".py");
        try (InputStream in = BenchmarkHeightPredict.class.getResourceAsStream("mrfed_torch.py")) {
            Files.write(script, in.readAllBytes());
        }
        try {
            Process p =
                    new ProcessBuilder(
                                    "/usr/bin/python3",
                                    script.toString(),
                                    Integer.toString(net.inputBands),
                                    Double.toString(net.widthMultiplier),
                                    Integer.toString(net.sizePreservingBlocks),
                                    Integer.toString(size),
                                    Integer.toString(threads),
                                    Integer.toString(runs))
                            .redirectErrorStream(true)
                            .start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("python3-torch MRFED failed: " + out);
            }
            String[] last = out.lines().reduce((a, b) -> b).orElse("").split(" ");
            return Double.parseDouble(last[0]);
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
