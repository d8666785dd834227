package dev.surveyor.bench.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.craters.model.CenterNetDetector;
import dev.surveyor.craters.model.CenterNetNetworks;
import dev.surveyor.craters.model.ConfigCenterNet;
import dev.surveyor.craters.model.DetectionSettings;
import dev.surveyor.craters.model.GrayImage;
import dev.surveyor.craters.model.ImageWindows;
import dev.surveyor.height.nn.ConfigHeightNet;
import dev.surveyor.height.predict.ConfigTiledPrediction;
import dev.surveyor.height.predict.HeightModel;
import dev.surveyor.height.predict.TiledHeightPredictor;
import dev.surveyor.learn.LearnEngine;
import dev.surveyor.learn.ModelDir;
import dev.surveyor.learn.ScopedInference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Forward time of a shipped network with DJL against the same network with the same weights in
 * Debian's python3-torch, in one run, and the DJL predictor's whole-scene throughput.
 *
 * <p>Usage: {@code BenchmarkDjlTorch height|craters MODEL_DIR [THREADS=2] [ROUNDS=40] [RUNS=1]
 * [SCENE_PX=2048] [scoped|plain]}. The forward input is the window the predictor uses (height: one
 * 256² window; craters: a batch of 4 windows of model.json's {@code windowPx}) filled with standard
 * normal noise (already normalised). Mirrored in torch: MRFED and U-Net height networks and
 * CenterNet crater networks with the resnet-s or hourglass backbone (any stacks, depth and widths).
 * Both sides run eval mode without autograd on the same number of intra-op threads (1 inter-op
 * thread) after one warm-up pass (excluded); then ROUNDS rounds alternate RUNS DJL passes and RUNS
 * torch passes, so both see the same machine load. DJL's time includes making the input array from
 * a Java array and copying the output back (what the predictors do); torch's is {@code net(x)}
 * alone. {@code plain} times DJL's plain {@code block.forward} instead of {@link
 * ScopedInference#predict} (the state before the fix, for the crater network). The outputs of both
 * sides for the same input are compared (max |difference|).
 *
 * <p>Then the whole DJL predictor ({@link TiledHeightPredictor} or {@link CenterNetDetector} with
 * default settings, i.e. as shipped: the test-time augmentation and scales of the model's {@code
 * model.json}) runs once on a SCENE_PX² noise image: megapixels per second, reading, tiling,
 * blending or decoding included, engine already warm.
 *
 * <p>Besides wall-clock time, each side's process CPU time per pass (all threads) is recorded: on a
 * machine shared with other jobs it is the steadier measure of the work each side does. SCENE_PX 0
 * skips the scene.
 *
 * <p>Prints {@code key,value} lines and a final {@code table,...} line: model, forward input, DJL
 * ms, torch ms (wall-time medians), their ratio, the ratio of the fastest passes, the ratio of
 * CPU-time medians, MP/s.
 */
public final class BenchmarkDjlTorch {
    private BenchmarkDjlTorch() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException(
                    "usage: height|craters MODEL_DIR [THREADS] [ROUNDS] [RUNS] [SCENE_PX]"
                            + " [scoped|plain]");
        }
        String kind = args[0];
        Path dir = Path.of(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        int scene = args.length > 5 ? Integer.parseInt(args[5]) : 2048;
        String mode = args.length > 6 ? args[6] : "scoped";
        if (!List.of("scoped", "plain", "both").contains(mode)) {
            throw new IllegalArgumentException("mode must be scoped, plain or both: " + mode);
        }
        boolean scoped = !mode.equals("plain");
        boolean alsoPlain = mode.equals("both");
        LearnEngine.start(threads);
        Path work = Files.createTempDirectory("djl-torch");
        switch (kind) {
            case "height" -> height(dir, threads, rounds, runs, scene, scoped, alsoPlain, work);
            case "craters" -> craters(dir, threads, rounds, runs, scene, scoped, alsoPlain, work);
            default -> throw new IllegalArgumentException("unknown model kind " + kind);
        }
    }

    private static void height(
            Path dir,
            int threads,
            int rounds,
            int runs,
            int scene,
            boolean scoped,
            boolean alsoPlain,
            Path work)
            throws Exception {
        try (HeightModel model = HeightModel.load(dir)) {
            ConfigHeightNet net = model.netConfig();
            int window = new ConfigTiledPrediction().tileSizePx;
            String arch =
                    switch (net.architecture) {
                        case MRFED ->
                                String.format(
                                        Locale.ROOT,
                                        "{\"kind\":\"mrfed\",\"bands\":%d,\"widthMultiplier\":%s,"
                                                + "\"keepBlocks\":%d}",
                                        net.inputBands,
                                        Double.toString(net.widthMultiplier),
                                        net.sizePreservingBlocks);
                        case UNET ->
                                String.format(
                                        Locale.ROOT,
                                        "{\"kind\":\"unet\",\"bands\":%d,\"widthMultiplier\":%s,"
                                                + "\"stageBlocks\":%s}",
                                        net.inputBands,
                                        Double.toString(net.widthMultiplier),
                                        Arrays.toString(net.resnetStageBlocks));
                        default ->
                                throw new IllegalArgumentException(
                                        dir
                                                + ": only MRFED and U-Net height networks are mirrored in torch");
                    };
            long[] shape = {1, net.inputBands, window, window};
            compare(
                    dir,
                    model.djlModel().getBlock(),
                    model.djlModel().getNDManager(),
                    arch,
                    shape,
                    threads,
                    rounds,
                    runs,
                    scoped,
                    alsoPlain,
                    work,
                    scene,
                    () -> {
                        RasterF32[] img = new RasterF32[net.inputBands];
                        SplittableRandom rnd = new SplittableRandom(2);
                        for (int b = 0; b < img.length; b++) {
                            img[b] = new RasterF32(scene, scene);
                            double mean = model.normalization().mean()[b];
                            double std = model.normalization().std()[b];
                            for (int y = 0; y < scene; y++) {
                                for (int x = 0; x < scene; x++) {
                                    img[b].set(x, y, (float) (mean + std * rnd.nextGaussian()));
                                }
                            }
                        }
                        long t0 = System.nanoTime();
                        TiledHeightPredictor.create(new ConfigTiledPrediction())
                                .predict(model, MultiBandRaster.of(img), OptionalDouble.empty());
                        return (System.nanoTime() - t0) / 1e9;
                    });
        }
    }

    private static void craters(
            Path dir,
            int threads,
            int rounds,
            int runs,
            int scene,
            boolean scoped,
            boolean alsoPlain,
            Path work)
            throws Exception {
        ModelDir md = new ModelDir(dir);
        DetectionSettings settings = DetectionSettings.read(md);
        ConfigCenterNet a = settings.architecture();
        int window = settings.windowPx();
        String arch =
                String.format(
                        Locale.ROOT,
                        "{\"kind\":\"centernet\",\"backbone\":\"%s\",\"outputStride\":%d,"
                                + "\"inputChannels\":%d,\"stemChannels\":%d,\"widths\":%s,"
                                + "\"blocksPerLevel\":%d,\"stacks\":%d,\"hourglassDepth\":%d,"
                                + "\"headChannels\":%d}",
                        a.backbone,
                        a.outputStride,
                        a.inputChannels,
                        a.stemChannels,
                        Arrays.toString(a.widths),
                        a.blocksPerLevel,
                        a.stacks,
                        a.hourglassDepth,
                        a.headChannels);
        Block block = CenterNetNetworks.build(a).network();
        try (NDManager manager = NDManager.newBaseManager();
                CenterNetDetector detector = CenterNetDetector.load(dir, threads)) {
            md.loadParams(block, manager, ModelDir.BEST);
            long[] shape = {4, a.inputChannels, window, window};
            compare(
                    dir,
                    block,
                    manager,
                    arch,
                    shape,
                    threads,
                    rounds,
                    runs,
                    scoped,
                    alsoPlain,
                    work,
                    scene,
                    () -> {
                        float[] im = new float[scene * scene];
                        SplittableRandom rnd = new SplittableRandom(2);
                        double mean = settings.normalisation().mean();
                        double std = settings.normalisation().std();
                        for (int i = 0; i < im.length; i++) {
                            im[i] = (float) (mean + std * rnd.nextGaussian());
                        }
                        long t0 = System.nanoTime();
                        detector.detect(
                                ImageWindows.of(new GrayImage(im, scene, scene)),
                                detector.defaultThreshold(),
                                ProgressListener.NONE);
                        return (System.nanoTime() - t0) / 1e9;
                    });
        }
    }

    @FunctionalInterface
    private interface SceneRun {
        double seconds() throws Exception;
    }

    private static void compare(
            Path dir,
            Block block,
            NDManager manager,
            String arch,
            long[] shape,
            int threads,
            int rounds,
            int runs,
            boolean scoped,
            boolean alsoPlain,
            Path work,
            int scene,
            SceneRun sceneRun)
            throws Exception {
        int n = (int) (shape[0] * shape[1] * shape[2] * shape[3]);
        float[] input = new float[n];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            input[i] = (float) rnd.nextGaussian();
        }
        float[] djlOut = forward(block, manager, input, shape, scoped); // warm-up, excluded
        Times djl = new Times();
        Times plain = new Times();
        Times torch = new Times();
        double maxDiff = 0;
        double maxAbs = 0;
        String version;
        try (TorchPeer peer = new TorchPeer(arch, block, input, shape, threads, work)) {
            version = peer.version();
            float[] t = peer.output();
            if (t.length != djlOut.length) {
                throw new IllegalStateException(
                        "torch output has " + t.length + " values, DJL " + djlOut.length);
            }
            for (int i = 0; i < t.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(t[i] - djlOut[i]));
                maxAbs = Math.max(maxAbs, Math.abs(djlOut[i]));
            }
            peer.time(1); // warm-up, excluded
            for (int r = 0; r < rounds; r++) {
                // alternate which DJL variant goes first
                for (int v = 0; v < 2; v++) {
                    boolean sc = (v == 0) == (r % 2 == 0) ? scoped : !scoped;
                    if (sc != scoped && !alsoPlain) {
                        continue;
                    }
                    for (int k = 0; k < runs; k++) {
                        long c0 = processCpuNanos();
                        long t0 = System.nanoTime();
                        forward(block, manager, input, shape, sc);
                        long t1 = System.nanoTime();
                        (sc == scoped ? djl : plain)
                                .add((t1 - t0) / 1e9, (processCpuNanos() - c0) / 1e9);
                    }
                }
                double[][] pt = peer.time(runs);
                for (int k = 0; k < pt[0].length; k++) {
                    torch.add(pt[0][k], pt[1][k]);
                }
            }
        }
        double sceneS = scene > 0 ? sceneRun.seconds() : Double.NaN;
        double mps = (double) scene * scene / 1e6 / sceneS;
        // a member of an ensemble is named with its ensemble (height-zy3/member-1)
        String model =
                dir.getFileName().toString().startsWith("member-")
                        ? dir.getParent().getFileName() + "/" + dir.getFileName()
                        : dir.getFileName().toString();
        String window = shape[0] + "x" + shape[1] + "x" + shape[2] + "x" + shape[3];
        System.out.printf(
                Locale.ROOT,
                "model,%s%nthreads,%d%nomp_wait_policy,%s%ntorch_version,%s%nforward_input,%s%n"
                        + "mode,%s%n"
                        + "max_abs_output_difference,%.3g,of_max_abs_output,%.3g%n"
                        + "djl_forward_ms_median,%.2f%ntorch_forward_ms_median,%.2f%n"
                        + "djl_over_torch,%.3f%n"
                        + "djl_forward_ms_min,%.2f%ntorch_forward_ms_min,%.2f%n"
                        + "djl_over_torch_min,%.3f%n"
                        + "djl_cpu_ms_median,%.2f%ntorch_cpu_ms_median,%.2f%n"
                        + "djl_over_torch_cpu,%.3f%n"
                        + "scene_px,%d%nscene_seconds,%.3f%nmegapixels_per_s,%.3f%n"
                        + "table,%s,%s,%.1f,%.1f,%.2f,%.2f,%.2f,%.2f%n",
                model,
                threads,
                LearnEngine.ompWaitPolicy(),
                version,
                window,
                scoped ? "scoped" : "plain",
                maxDiff,
                maxAbs,
                1e3 * djl.wall(),
                1e3 * torch.wall(),
                djl.wall() / torch.wall(),
                1e3 * djl.minWall(),
                1e3 * torch.minWall(),
                djl.minWall() / torch.minWall(),
                1e3 * djl.cpu(),
                1e3 * torch.cpu(),
                djl.cpu() / torch.cpu(),
                scene,
                sceneS,
                mps,
                model,
                window,
                1e3 * djl.wall(),
                1e3 * torch.wall(),
                djl.wall() / torch.wall(),
                djl.minWall() / torch.minWall(),
                djl.cpu() / torch.cpu(),
                mps);
        if (alsoPlain) {
            System.out.printf(
                    Locale.ROOT,
                    "djl_plain_forward_ms_median,%.2f%ndjl_plain_over_torch,%.3f%n"
                            + "djl_plain_forward_ms_min,%.2f%ndjl_plain_over_torch_min,%.3f%n"
                            + "djl_plain_cpu_ms_median,%.2f%ndjl_plain_over_torch_cpu,%.3f%n",
                    1e3 * plain.wall(),
                    plain.wall() / torch.wall(),
                    1e3 * plain.minWall(),
                    plain.minWall() / torch.minWall(),
                    1e3 * plain.cpu(),
                    plain.cpu() / torch.cpu());
        }
    }

    /** Wall-clock and CPU times of repeated runs (seconds); medians. */
    private static final class Times {
        private final List<Double> wall = new ArrayList<>();
        private final List<Double> cpu = new ArrayList<>();

        void add(double wallS, double cpuS) {
            wall.add(wallS);
            cpu.add(cpuS);
        }

        double wall() {
            return median(wall);
        }

        double cpu() {
            return median(cpu);
        }

        double minWall() {
            return wall.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }
    }

    /**
     * CPU time of this process, all threads (native intra-op threads and JVM housekeeping
     * included), nanoseconds: the sum of {@code /proc/self/task/}{@code *}{@code /schedstat}
     * (nanosecond resolution; the JDK's process CPU time counts 10 ms ticks).
     */
    private static long processCpuNanos() {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path t : tasks) {
                try {
                    String s = Files.readString(t.resolve("schedstat"));
                    sum += Long.parseLong(s.substring(0, s.indexOf(' ')));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sum;
    }

    private static float[] forward(
            Block block, NDManager manager, float[] input, long[] shape, boolean scoped) {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(input, new Shape(shape));
            if (scoped) {
                return ScopedInference.predict(block, x).get(0).toFloatArray();
            }
            boolean grad = JniUtils.isGradMode();
            JniUtils.setGradMode(false);
            try {
                return block.forward(new ParameterStore(m, false), new NDList(x), false)
                        .get(0)
                        .toFloatArray();
            } finally {
                JniUtils.setGradMode(grad);
            }
        }
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : 0.5 * (a[a.length / 2 - 1] + a[a.length / 2]);
    }
}
