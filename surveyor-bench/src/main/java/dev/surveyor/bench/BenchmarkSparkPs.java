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
import java.util.List;
import java.util.Locale;

/**
 * PS estimation on a simulated stack: the single-machine multi-threaded pipeline next to the Spark
 * job on {@code local[1]} and {@code local[2]}, in one JVM, and prints a table.
 *
 * <p>Method (timings on a shared machine drift by 10–20 % within minutes, so every comparison is
 * made between runs taken at the same time): {@code rounds} rounds, each of a {@code local[1]}
 * session then a {@code local[2]} session; in each session, after its warm-up runs ({@code warmups}
 * in the first round, one later), {@code repeats} Spark runs each paired with a single-machine run
 * just before it. Overhead = median over the {@code local[2]} pairs of Spark/single − 1; speed-up =
 * median over rounds of the {@code local[1]} median over the {@code local[2]} median. The Spark
 * session start is not timed, the jobs are. The first (cold) run of each is printed as well: it
 * includes the JIT compilation of code paths not run yet, which costs Spark more than the
 * single-machine run. Every Spark run's {@code summary.json} is checked against the single-machine
 * one.
 *
 * <p>Two settings are timed: the default of {@code surveyor insar ps} (nuisance filtering and arcs;
 * every pass of the estimation runs as one Spark stage on the executors) and the paper's per-point
 * periodogram ({@code iterations = 0}). The system load average is printed before and after.
 *
 * <p>Usage: {@code BenchmarkSparkPs [width=400] [height=400] [dates=35] [repeats=3] [workdir]
 * [all|plain] [warmups=3] [rounds=3]} ({@code plain}: the per-point periodogram setting only)
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
        int rounds = args.length > 7 ? Integer.parseInt(args[7]) : 3;
        if (warmups < 1 || repeats < 1 || rounds < 1) {
            throw new IllegalArgumentException(
                    "repeats, warmups and rounds must be at least 1, got "
                            + repeats
                            + ", "
                            + warmups
                            + " and "
                            + rounds);
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
            // JIT warm-up of the single-machine path; its first run is the cold one
            double coldSingle = 0;
            PsResult r = null;
            for (int i = 0; i < warmups; i++) {
                long t0 = System.nanoTime();
                r = PsPipeline.run(m, c, null);
                if (i == 0) {
                    coldSingle = (System.nanoTime() - t0) / 1e9;
                }
            }
            PsOutputWriter.write(r, work.resolve("out-single-" + iterations));
            String summary = PsOutputWriter.summaryJson(r);
            // rounds x (local[1] session, local[2] session); in each session, after its warm-up,
            // single-machine and Spark runs alternate, so that each Spark time has a
            // single-machine time taken under the same load
            List<Double> single = new ArrayList<>();
            List<Double> singleCpu = new ArrayList<>();
            List<List<Double>> spark = List.of(new ArrayList<>(), new ArrayList<>());
            List<List<Double>> sparkCpu = List.of(new ArrayList<>(), new ArrayList<>());
            List<Double> overhead = new ArrayList<>();
            List<Double> speedUp = new ArrayList<>();
            double[] cold = new double[3];
            for (int round = 0; round < rounds; round++) {
                double[] roundMedian = new double[3];
                for (int cores = 1; cores <= 2; cores++) {
                    ConfigSparkEngine ec = new ConfigSparkEngine();
                    ec.master = "local[" + cores + "]";
                    try (SparkEngine engine = SparkEngine.start(ec)) {
                        for (int i = 0; i < (round == 0 ? warmups : 1); i++) {
                            double t = timeSpark(engine, m, c, summary, null);
                            if (round == 0 && i == 0) {
                                cold[cores] = t;
                            }
                        }
                        List<Double> here = new ArrayList<>();
                        for (int i = 0; i < repeats; i++) {
                            long t0 = System.nanoTime();
                            long c0 = cpuNanos();
                            PsPipeline.run(m, c, null);
                            double ts = (System.nanoTime() - t0) / 1e9;
                            single.add(ts);
                            singleCpu.add((cpuNanos() - c0) / 1e9 / ts);
                            double[] cpu = new double[1];
                            double tp = timeSpark(engine, m, c, summary, cpu);
                            spark.get(cores - 1).add(tp);
                            sparkCpu.get(cores - 1).add(cpu[0]);
                            here.add(tp);
                            if (cores == 2) {
                                overhead.add(tp / ts - 1);
                            }
                        }
                        roundMedian[cores] = median(here);
                    }
                }
                speedUp.add(roundMedian[1] / roundMedian[2]);
            }
            rows.add(
                    new String[] {
                        label,
                        String.valueOf(r.numCandidates()),
                        String.valueOf(r.points().size()),
                        f(median(single)),
                        f(median(spark.get(0))),
                        f(median(spark.get(1))),
                        String.format(Locale.ROOT, "%.2fx", median(speedUp)),
                        String.format(Locale.ROOT, "%+.0f%%", 100 * median(overhead)),
                        String.format(
                                Locale.ROOT,
                                "%.2f/%.2f/%.2f",
                                median(singleCpu),
                                median(sparkCpu.get(0)),
                                median(sparkCpu.get(1))),
                        String.format(Locale.ROOT, "%.2f/%.2f/%.2f", coldSingle, cold[1], cold[2]),
                        speedUp.stream()
                                        .map(x -> String.format(Locale.ROOT, "%.2f", x))
                                        .reduce((a, b) -> a + "," + b)
                                        .orElse("")
                                + " / "
                                + String.format(
                                        Locale.ROOT,
                                        "%+.0f..%+.0f%%",
                                        100 * overhead.stream().mapToDouble(x -> x).min().orElse(0),
                                        100 * overhead.stream().mapToDouble(x -> x).max().orElse(0))
                    });
        }
        System.out.printf(
                Locale.ROOT,
                "%-27s %10s %6s %13s %13s %13s %9s %15s %16s %20s   %s%n",
                "estimation",
                "candidates",
                "PS",
                "single MT (s)",
                "local[1] (s)",
                "local[2] (s)",
                "speed-up",
                "Spark overhead",
                "CPU/wall S/1/2",
                "cold run S/1/2 (s)",
                "per-round speed-ups / overhead range");
        for (String[] row : rows) {
            System.out.printf(
                    Locale.ROOT,
                    "%-27s %10s %6s %13s %13s %13s %9s %15s %16s %20s   %s%n",
                    (Object[]) row);
        }
        System.out.printf(
                Locale.ROOT,
                "%d rounds of (local[1] session, local[2] session), %d timed Spark runs per session"
                        + " after %d warm-up runs (1 in later rounds), each paired with a"
                        + " single-machine run just before it; Spark session start not timed."
                        + " Times are medians; speed-up = median over rounds of local[1]/local[2];"
                        + " overhead = median over pairs of local[2]/single - 1 (single machine: 2"
                        + " threads); CPU/wall = process CPU seconds per wall second (~2 = both"
                        + " cores busy); cold run = the first run of each (JIT warm-up). Load average"
                        + " after: %.1f%n",
                rounds,
                repeats,
                warmups,
                load());
    }

    /** Runs the Spark job once, checks it against the single-machine summary, returns seconds. */
    private static double timeSpark(
            SparkEngine engine, StackManifest m, ConfigPsPipeline c, String summary, double[] cpu)
            throws IOException {
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        PsResult s = SparkPsJob.run(engine, m, c, null);
        double t = (System.nanoTime() - t0) / 1e9;
        if (cpu != null) {
            cpu[0] = (cpuNanos() - c0) / 1e9 / t;
        }
        if (!PsOutputWriter.summaryJson(s).equals(summary)) {
            throw new IllegalStateException("Spark summary differs from the single-machine one");
        }
        return t;
    }

    private static double median(List<Double> values) {
        double[] t = values.stream().mapToDouble(x -> x).sorted().toArray();
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
