package dev.surveyor.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.surveyor.craters.model.CenterNetNetworks;
import dev.surveyor.craters.model.ConfigCenterNet;
import dev.surveyor.height.data.BandNormalization;
import dev.surveyor.height.nn.ConfigHeightNet;
import dev.surveyor.height.predict.HeightModel;
import dev.surveyor.learn.LearnEngine;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Per-window CPU times of the two networks on one core (one torch thread, as one Spark task per
 * core runs them), for the cluster estimates in README.md ("Running on a cluster"): the default
 * crater CenterNet on 512 px windows (batches of 4, the detector's default) and the default MRFED
 * height network on 256 px 3-band windows. Weights are random (the time does not depend on them).
 * Prints the median of {@code repeats} runs after two warm-ups.
 *
 * <p>Usage: {@code BenchmarkSparkTileTimes [repeats=5]}
 */
public final class BenchmarkSparkTileTimes {
    private BenchmarkSparkTileTimes() {}

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        LearnEngine.start(1);
        SplittableRandom rnd = new SplittableRandom(3);
        ConfigCenterNet cn = new ConfigCenterNet();
        int win = 512 / cn.sizeMultiple() * cn.sizeMultiple();
        int batch = 4;
        double crater;
        try (Model model = Model.newInstance("craters")) {
            Block block = CenterNetNetworks.build(cn).network();
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, win, win));
            float[] x = new float[batch * win * win];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rnd.nextGaussian();
            }
            double[] t = new double[repeats + 2];
            for (int r = 0; r < t.length; r++) {
                long t0 = System.nanoTime();
                try (NDManager m = model.getNDManager().newSubManager()) {
                    NDArray in = m.create(x, new Shape(batch, 1, win, win));
                    block.forward(new ParameterStore(m, false), new NDList(in), false)
                            .get(0)
                            .toFloatArray();
                }
                t[r] = (System.nanoTime() - t0) / 1e9 / batch;
            }
            crater = median(t);
        }
        ConfigHeightNet hn = new ConfigHeightNet();
        hn.inputBands = 3;
        int hw = 256;
        double height;
        BandNormalization norm =
                new BandNormalization(new double[] {0, 0, 0}, new double[] {1, 1, 1});
        try (HeightModel hm = HeightModel.create(hn, norm, 10)) {
            float[][] bands = new float[3][hw * hw];
            for (float[] b : bands) {
                for (int i = 0; i < b.length; i++) {
                    b[i] = (float) rnd.nextGaussian();
                }
            }
            double[] t = new double[repeats + 2];
            for (int r = 0; r < t.length; r++) {
                long t0 = System.nanoTime();
                hm.predictWindow(bands, hw, hw);
                t[r] = (System.nanoTime() - t0) / 1e9;
            }
            height = median(t);
        }
        System.out.printf(
                Locale.ROOT,
                "one core (1 torch thread), load average %.1f%n"
                        + "crater CenterNet (%s), %d px window, batch %d: %.3f s per window%n"
                        + "height MRFED (width x%.2f), %d px 3-band window: %.3f s per window%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                cn.backbone,
                win,
                batch,
                crater,
                hn.widthMultiplier,
                hw,
                height);
    }

    private static double median(double[] withWarmup) {
        double[] t = Arrays.copyOfRange(withWarmup, 2, withWarmup.length);
        Arrays.sort(t);
        return t[t.length / 2];
    }
}
