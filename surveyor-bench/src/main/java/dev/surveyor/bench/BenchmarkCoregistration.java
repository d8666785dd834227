package dev.surveyor.bench;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.insar.coreg.CoarseShift;
import dev.surveyor.insar.coreg.Coregistrator;
import dev.surveyor.insar.coreg.FactoryCoregistration;
import dev.surveyor.insar.coreg.FeatureShiftEstimator;
import dev.surveyor.insar.coreg.PairCoregistration;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Times co-registration of one SLC pair (headerless little-endian complex64 files) next to OpenCV's
 * Python Harris + SIFT + FLANN ({@code bench/coreg-opencv.py}, same settings, timed inside python),
 * and prints a table. Rows: the paper's coarse shift (feature image, Harris, SIFT, ANN, distance
 * filter, medians over m x n sub-images) — the part OpenCV also does; the full estimate (plus
 * oversampled patch correlation and the robust model); and the sinc resampling of the secondary.
 * Each timing is the best of {@code repeats} runs after one warm-up.
 *
 * <p>Usage: {@code BenchmarkCoregistration REF.slc SEC.slc WIDTH HEIGHT [repeats=3] [script]}
 */
public final class BenchmarkCoregistration {
    private BenchmarkCoregistration() {}

    private static volatile double sink;

    /** A timed action. */
    private interface Action {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println(
                    "usage: BenchmarkCoregistration REF.slc SEC.slc WIDTH HEIGHT [repeats] [script]");
            System.exit(2);
        }
        Path refFile = Path.of(args[0]);
        Path secFile = Path.of(args[1]);
        int w = Integer.parseInt(args[2]);
        int h = Integer.parseInt(args[3]);
        int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        String script = args.length > 5 ? args[5] : "bench/coreg-opencv.py";
        RasterC64 ref = readRaw(refFile, w, h);
        RasterC64 sec = readRaw(secFile, w, h);

        FeatureShiftEstimator features = FeatureShiftEstimator.create(null);
        Coregistrator full = FactoryCoregistration.coregistrator(null);
        CoarseShift[] coarse = new CoarseShift[1];
        double tCoarse =
                best(
                        repeats,
                        () -> {
                            RasterF32 a = Coregistrator.featureImage(ref);
                            RasterF32 b = Coregistrator.featureImage(sec);
                            coarse[0] = features.estimate(a, b);
                        });
        PairCoregistration[] pair = new PairCoregistration[1];
        double tFull = best(repeats, () -> pair[0] = full.estimate(ref, sec));
        double tResample =
                best(repeats, () -> sink += full.resample(sec, pair[0]).getRe(w / 2, h / 2));

        String[] cv = runOpenCv(script, refFile, secFile, w, h, repeats);
        double tCv = Double.parseDouble(cv[0]);

        System.out.printf(
                Locale.ROOT,
                "pair %dx%d, %d cores, best of %d%n",
                w,
                h,
                Runtime.getRuntime().availableProcessors(),
                repeats);
        System.out.printf(
                Locale.ROOT, "%-44s %10s %10s %8s%n", "stage", "surveyor s", "OpenCV s", "ratio");
        System.out.printf(
                Locale.ROOT,
                "%-44s %10.3f %10.3f %8.2f%n",
                "coarse shift (Harris+SIFT+ANN+filter+median)",
                tCoarse,
                tCv,
                tCv / tCoarse);
        System.out.printf(
                Locale.ROOT,
                "%-44s %10.3f %10s %8s%n",
                "full estimate (+patch xcorr, robust model)",
                tFull,
                "-",
                "-");
        System.out.printf(
                Locale.ROOT,
                "%-44s %10.3f %10s %8s%n",
                "resample secondary (sinc16, carrier-aware)",
                tResample,
                "-",
                "-");
        System.out.printf(
                Locale.ROOT,
                "coarse shift: surveyor (%.2f, %.2f) from %d matches; OpenCV (%s, %s) from %s matches%n",
                coarse[0].dxPx(),
                coarse[0].dyPx(),
                coarse[0].matches(),
                cv[1],
                cv[2],
                cv[3]);
        System.out.printf(
                Locale.ROOT,
                "full estimate: dx %.4f dy %.4f px, residual %.4f px, %d patches%n",
                pair[0].dxPx(),
                pair[0].dyPx(),
                pair[0].residualPx(),
                pair[0].fit().numInliers());
    }

    private static double best(int repeats, Action a) throws Exception {
        a.run();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            a.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    private static String[] runOpenCv(String script, Path ref, Path sec, int w, int h, int repeats)
            throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder(
                                "/usr/bin/python3",
                                script,
                                ref.toString(),
                                sec.toString(),
                                Integer.toString(w),
                                Integer.toString(h),
                                Integer.toString(repeats))
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0 || out.isEmpty()) {
            throw new IOException(script + " failed (exit " + p.exitValue() + ")");
        }
        return out.split("\\s+");
    }

    private static RasterC64 readRaw(Path file, int w, int h) throws IOException {
        float[] d = new float[2 * w * h];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() != 8L * w * h) {
                throw new IOException(
                        file + ": expected " + 8L * w * h + " bytes, got " + ch.size());
            }
            ByteBuffer b = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            int k = 0;
            while (k < d.length) {
                b.clear();
                ch.read(b);
                b.flip();
                while (b.remaining() >= 4 && k < d.length) {
                    d[k++] = b.getFloat();
                }
                b.compact().flip();
                if (b.remaining() > 0) {
                    throw new IOException(file + ": unaligned read");
                }
            }
        }
        return new RasterC64(d, w, h, 0, w);
    }
}
