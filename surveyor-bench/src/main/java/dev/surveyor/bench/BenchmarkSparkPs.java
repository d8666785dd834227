package dev.surveyor.bench;

import dev.surveyor.insar.pipeline.ConfigPsPipeline;
import dev.surveyor.insar.pipeline.PsOutputWriter;
import dev.surveyor.insar.pipeline.PsPipeline;
import dev.surveyor.insar.pipeline.PsResult;
import dev.surveyor.insar.sim.ConfigSimulation;
import dev.surveyor.insar.sim.SimulationWriter;
import dev.surveyor.insar.sim.StackSimulator;
import dev.surveyor.insar.stack.StackManifest;
import dev.surveyor.spark.ConfigSparkEngine;
import dev.surveyor.spark.SparkEngine;
import dev.surveyor.spark.insar.SparkPsJob;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * PS estimation on a simulated stack: the single-machine multi-threaded pipeline next to the Spark
 * job on {@code local[1]} and {@code local[2]}, in one JVM, and prints a table (median wall time of
 * {@code repeats} runs after one warm-up run each; the Spark session start is not timed, the jobs
 * are). Every Spark run's {@code summary.json} is checked against the single-machine one.
 *
 * <p>Two settings are timed: the default of {@code surveyor insar ps} (nuisance filtering and arcs;
 * every pass of the estimation runs as one Spark stage on the executors) and the paper's per-point
 * periodogram ({@code iterations = 0}). The system load average is printed before and after, since
 * timings on a shared machine are only comparable under the same load.
 *
 * <p>Usage: {@code BenchmarkSparkPs [width=400] [height=400] [dates=35] [repeats=3] [workdir]
 * [all|plain] [warmups=3]} ({@code plain}: the per-point periodogram setting only)
 */
public final class BenchmarkSparkPs {
    private BenchmarkSparkPs() {}

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        int w = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int h = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int dates = args.length > 2 ? Integer.parseInt(args[2]) : 35;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path work =
                args.length > 4
                        ? Path.of(args[4])
                        : Path.of(System.getProperty("java.io.tmpdir"), "surveyor-bench-spark-ps");
        Path stackDir = work.resolve("stack-" + w + "x" + h + "x" + dates);
        Path manifestPath = stackDir.resolve("stack.json");
        if (!Files.exists(manifestPath)) {
            ConfigSimulation s = new ConfigSimulation();
            s.widthPx = w;
            s.heightPx = h;
            s.numDates = dates;
            s.atmosphereStdRad = 1.0;
            s.seed = 11;
            SimulationWriter.write(StackSimulator.simulate(s), stackDir);
        }
        StackManifest m = StackManifest.read(manifestPath);
        System.out.printf(
                Locale.ROOT,
                "PS estimation, simulated %dx%dx%d stack, %d processors, load average before: %.1f%n",
                w,
                h,
                dates,
                Runtime.getRuntime().availableProcessors(),
                load());
        List<String[]> rows = new ArrayList<>();
        boolean all = args.length <= 5 || !args[5].equals("plain");
        int warmups = args.length > 6 ? Integer.parseInt(args[6]) : 3;
        if (warmups < 1 || repeats < 1) {
            throw new IllegalArgumentException(
                    "repeats and warmups must be at least 1, got " + repeats + " and " + warmups);
        }
        int[] settings =
                all ? new int[] {new ConfigPsPipeline().atmosphere.iterations, 0} : new int[] {0};
        for (int iterations : settings) {
            ConfigPsPipeline c = new ConfigPsPipeline();
            c.atmosphere.iterations = iterations;
            c.blockRows = Math.max(1, (h + 7) / 8); // 8 row blocks, so that 2 cores stay balanced
            String label =
                    iterations == 0
                            ? "periodogram only"
                            : "default (filter x" + iterations + "+arcs)";
            Path ref = work.resolve("out-single-" + iterations);
            double[] single = new double[warmups + repeats];
            double[] singleCpu = new double[warmups + repeats];
            PsResult r = null;
            for (int i = 0; i < warmups + repeats; i++) {
                long t0 = System.nanoTime();
                long c0 = cpuNanos();
                r = PsPipeline.run(m, c, null);
                single[i] = (System.nanoTime() - t0) / 1e9;
                singleCpu[i] = (cpuNanos() - c0) / 1e9 / single[i];
            }
            PsOutputWriter.write(r, ref);
            double tSingle = median(single, warmups);
            double[] spark = new double[3];
            double[] sparkCpu = new double[3];
            double[] cold = new double[3];
            for (int cores = 1; cores <= 2; cores++) {
                ConfigSparkEngine ec = new ConfigSparkEngine();
                ec.master = "local[" + cores + "]";
                try (SparkEngine engine = SparkEngine.start(ec)) {
                    double[] t = new double[warmups + repeats];
                    double[] cpu = new double[warmups + repeats];
                    PsResult s = null;
                    for (int i = 0; i < warmups + repeats; i++) {
                        long t0 = System.nanoTime();
                        long c0 = cpuNanos();
                        s = SparkPsJob.run(engine, m, c, null);
                        t[i] = (System.nanoTime() - t0) / 1e9;
                        cpu[i] = (cpuNanos() - c0) / 1e9 / t[i];
                    }
                    if (!PsOutputWriter.summaryJson(s).equals(PsOutputWriter.summaryJson(r))) {
                        throw new IllegalStateException(
                                "Spark summary differs from the single-machine one");
                    }
                    spark[cores] = median(t, warmups);
                    sparkCpu[cores] = median(cpu, warmups);
                    cold[cores] = t[0];
                }
            }
            rows.add(
                    new String[] {
                        label,
                        String.valueOf(r.numCandidates()),
                        String.valueOf(r.points().size()),
                        f(tSingle),
                        f(spark[1]),
                        f(spark[2]),
                        String.format(Locale.ROOT, "%.2fx", spark[1] / spark[2]),
                        String.format(Locale.ROOT, "%+.0f%%", 100 * (spark[2] / tSingle - 1)),
                        String.format(
                                Locale.ROOT,
                                "%.2f/%.2f/%.2f",
                                median(singleCpu, warmups),
                                sparkCpu[1],
                                sparkCpu[2]),
                        String.format(
                                Locale.ROOT,
                                "%.2f/%.2f/%.2f (%+.0f%%)",
                                single[0],
                                cold[1],
                                cold[2],
                                100 * (cold[2] / single[0] - 1))
                    });
        }
        System.out.printf(
                Locale.ROOT,
                "%-27s %10s %6s %13s %13s %13s %9s %15s %16s %25s%n",
                "estimation",
                "candidates",
                "PS",
                "single MT (s)",
                "local[1] (s)",
                "local[2] (s)",
                "speed-up",
                "Spark overhead",
                "CPU/wall S/1/2",
                "cold run S/1/2 (s)");
        for (String[] row : rows) {
            System.out.printf(
                    Locale.ROOT,
                    "%-27s %10s %6s %13s %13s %13s %9s %15s %16s %25s%n",
                    (Object[]) row);
        }
        System.out.printf(
                Locale.ROOT,
                "medians of %d runs after %d warm-up runs (Spark session start not timed); speed-up ="
                        + " local[1]/local[2]; overhead = local[2] vs single-machine (2 threads);"
                        + " CPU/wall = process CPU seconds per wall second (single, local[1],"
                        + " local[2]; ~2 = both cores busy); cold run = the first run of each setting"
                        + " (its overhead in brackets); load average after: %.1f%n",
                repeats,
                warmups,
                load());
    }

    private static double median(double[] withWarmup, int warmups) {
        double[] t = Arrays.copyOfRange(withWarmup, warmups, withWarmup.length);
        Arrays.sort(t);
        return t.length % 2 == 1 ? t[t.length / 2] : 0.5 * (t[t.length / 2 - 1] + t[t.length / 2]);
    }

    private static String f(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double load() throws IOException {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
