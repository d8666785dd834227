package dev.surveyor.bench;

import dev.surveyor.insar.estimate.ConfigPeriodogram;
import dev.surveyor.insar.estimate.Parallel;
import dev.surveyor.insar.estimate.PeriodogramEstimator;
import dev.surveyor.insar.estimate.PhaseModel;
import dev.surveyor.insar.estimate.PixelEstimate;
import dev.surveyor.insar.stack.Sensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Candidate-pixel throughput of the (v, ΔH) periodogram grid search ({@link PeriodogramEstimator},
 * grid only, no refinement) next to a vectorised numpy implementation of the same brute-force
 * search ({@code bench/ps-estimation.py}: batched complex matrix products, timed inside python), on
 * the same points and grid. Also reports how often both pick the same grid cell.
 *
 * <p>Data: 35 dates every 12 days, B⊥ ~ N(0, 150 m), Sentinel-1 geometry, v ~ N(0, 5 mm/yr), ΔH ~
 * N(0, 10 m), default grid (±50 mm/yr, ±50 m, steps λ/(16ΔT), λR sinθ/(16ΔB)). Three point sets,
 * because the Java search prunes the grid and its speed depends on coherence (numpy's does not): PS
 * candidates (phase noise 0.3 rad, as after PS selection), a mix (half of them 0.3 rad, half
 * uniformly random phase) and random phases only (the worst case).
 *
 * <p>Usage: {@code BenchmarkPsEstimation [points=20000] [repeats=3] [script=bench/ps-estimation.py]
 * [workdir]}
 */
public final class BenchmarkPsEstimation {
    private BenchmarkPsEstimation() {}

    public static void main(String[] args) throws Exception {
        int m = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String script = args.length > 2 ? args[2] : "bench/ps-estimation.py";
        Path work =
                args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("surveyor-bench-ps");
        int n = 35;
        SplittableRandom rnd = new SplittableRandom(17);
        List<LocalDate> dates = new ArrayList<>();
        double[] b = new double[n];
        for (int q = 0; q < n; q++) {
            dates.add(LocalDate.of(2018, 1, 3).plusDays(12L * q));
            b[q] = 150 * gauss(rnd);
        }
        PhaseModel model = PhaseModel.of(Sensor.SENTINEL1, dates, dates.get(n / 2), b);
        ConfigPeriodogram cfg = new ConfigPeriodogram();
        cfg.refine = false;
        PeriodogramEstimator proto = new PeriodogramEstimator(model, cfg);
        double[] vg = proto.velocityGrid();
        double[] hg = proto.demErrorGrid();
        StringBuilder table = new StringBuilder();
        table.append(
                String.format(
                        Locale.ROOT,
                        "points %d, dates %d, grid %d x %d = %d cells%n",
                        m,
                        n,
                        vg.length,
                        hg.length,
                        vg.length * hg.length));
        table.append(
                String.format(
                        Locale.ROOT,
                        "%-34s %-24s %8s %12s %9s %10s%n",
                        "points",
                        "implementation",
                        "threads",
                        "points/s",
                        "vs numpy",
                        "same cell"));
        String[] names = {
            "PS candidates (0.3 rad)", "mix: 50% 0.3 rad, 50% random", "random phase"
        };
        double[] randomShare = {0, 0.5, 1};
        for (int set = 0; set < names.length; set++) {
            float[] phase = points(model, m, randomShare[set], rnd);
            Path dir = work.resolve("set" + set);
            Files.createDirectories(dir);
            writeInputs(dir, phase, model, vg, hg, m, n);
            double[] outV = new double[m];
            double[] outH = new double[m];
            double[] javaRate = new double[3];
            for (int threads = 1; threads <= 2; threads++) {
                javaRate[threads] =
                        m / javaSeconds(proto, phase, n, m, threads, repeats, outV, outH);
            }
            double numpyRate = m / numpySeconds(script, dir, repeats);
            double same = sameCell(dir, vg, hg, outV, outH, m);
            table.append(
                    String.format(
                            Locale.ROOT,
                            "%-34s %-24s %8s %12.0f %9s %9.2f%%%n",
                            names[set],
                            "numpy (batched matmul)",
                            "BLAS",
                            numpyRate,
                            "1.00x",
                            100.0));
            for (int t = 1; t <= 2; t++) {
                table.append(
                        String.format(
                                Locale.ROOT,
                                "%-34s %-24s %8d %12.0f %8.2fx %9.2f%%%n",
                                "",
                                "surveyor PeriodogramEst.",
                                t,
                                javaRate[t],
                                javaRate[t] / numpyRate,
                                same));
            }
        }
        table.append("same cell: share of points where Java picks numpy's grid cell\n");
        System.out.print(table);
    }

    /** Points at random (v, ΔH) with 0.3 rad noise, or (a share of them) uniform random phase. */
    private static float[] points(
            PhaseModel model, int m, double randomShare, SplittableRandom rnd) {
        int n = model.numDates();
        float[] phase = new float[m * n];
        for (int p = 0; p < m; p++) {
            boolean random = p < Math.round(randomShare * m);
            double v = 5 * gauss(rnd);
            double h = 10 * gauss(rnd);
            for (int q = 0; q < n; q++) {
                double x =
                        random
                                ? Math.PI * (2 * rnd.nextDouble() - 1)
                                : model.phase(q, v, h) + 0.3 * gauss(rnd);
                phase[p * n + q] = (float) Math.atan2(Math.sin(x), Math.cos(x));
            }
        }
        // Interleave the kinds so that both threads get the same mix.
        for (int p = m - 1; p > 0; p--) {
            int r = rnd.nextInt(p + 1);
            for (int q = 0; q < n; q++) {
                float t = phase[p * n + q];
                phase[p * n + q] = phase[r * n + q];
                phase[r * n + q] = t;
            }
        }
        return phase;
    }

    /** Best of {@code repeats} runs after one warm-up, seconds. */
    private static double javaSeconds(
            PeriodogramEstimator proto,
            float[] phase,
            int n,
            int m,
            int threads,
            int repeats,
            double[] outV,
            double[] outH)
            throws IOException {
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r <= repeats; r++) {
            long t0 = System.nanoTime();
            Parallel.forRanges(
                    m,
                    256,
                    threads,
                    (from, to) -> {
                        PeriodogramEstimator e = proto.copy();
                        for (int p = from; p < to; p++) {
                            PixelEstimate x = e.estimate(phase, p * n);
                            outV[p] = x.velocityMmYr();
                            outH[p] = x.demErrorM();
                        }
                    });
            double s = (System.nanoTime() - t0) / 1e9;
            if (r > 0) {
                best = Math.min(best, s); // run 0 is the warm-up
            }
        }
        return best;
    }

    private static double numpySeconds(String script, Path dir, int repeats)
            throws IOException, InterruptedException {
        Process py =
                new ProcessBuilder(
                                "/usr/bin/python3",
                                script,
                                dir.toString(),
                                Integer.toString(repeats))
                        .redirectErrorStream(true)
                        .start();
        String pyOut = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (py.waitFor() != 0) {
            throw new IOException("numpy benchmark failed: " + pyOut);
        }
        for (String line : pyOut.split("\n")) {
            if (line.startsWith("numpy_seconds ")) {
                return Double.parseDouble(line.substring(14).trim());
            }
        }
        throw new IOException("numpy benchmark printed no time: " + pyOut);
    }

    /** Percentage of points where Java's cell is numpy's. */
    private static double sameCell(
            Path dir, double[] vg, double[] hg, double[] outV, double[] outH, int m)
            throws IOException {
        ByteBuffer idx =
                ByteBuffer.wrap(Files.readAllBytes(dir.resolve("numpy_best.i32")))
                        .order(ByteOrder.LITTLE_ENDIAN);
        int same = 0;
        for (int p = 0; p < m; p++) {
            int k = idx.getInt();
            int iv = k / hg.length;
            int ih = k % hg.length;
            if (Math.abs(vg[iv] - outV[p]) < 1e-9 && Math.abs(hg[ih] - outH[p]) < 1e-9) {
                same++;
            }
        }
        return 100.0 * same / m;
    }

    private static void writeInputs(
            Path dir, float[] phase, PhaseModel model, double[] vg, double[] hg, int m, int n)
            throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(phase.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bb.asFloatBuffer().put(phase);
        Files.write(dir.resolve("phase.f32"), bb.array());
        writeDoubles(dir.resolve("a.f64"), model.velocityCoefficients());
        writeDoubles(dir.resolve("b.f64"), model.demCoefficients());
        writeDoubles(dir.resolve("vgrid.f64"), vg);
        writeDoubles(dir.resolve("hgrid.f64"), hg);
        Files.writeString(dir.resolve("shape.txt"), m + " " + n + "\n");
    }

    private static void writeDoubles(Path f, double[] v) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        bb.asDoubleBuffer().put(v);
        Files.write(f, bb.array());
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble()))
                * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
