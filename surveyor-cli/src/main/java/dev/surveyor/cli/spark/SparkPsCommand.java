package dev.surveyor.cli.spark;

import dev.surveyor.cli.CliProgress;
import dev.surveyor.insar.pipeline.ConfigPsPipeline;
import dev.surveyor.insar.pipeline.PsResult;
import dev.surveyor.insar.stack.StackManifest;
import dev.surveyor.spark.SparkEngine;
import dev.surveyor.spark.insar.SparkPsJob;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code surveyor spark ps}: PS selection and estimation of a stack on Spark; writes the same files
 * as {@code surveyor insar ps} (ps.csv, velocity.tif, dem_error.tif, temporal_coherence.tif,
 * amplitude_dispersion.tif, summary.json).
 */
@Command(
        name = "ps",
        mixinStandardHelpOptions = true,
        description =
                "PS candidates, velocity and DEM error of a stack, with row blocks as Spark tasks.")
public final class SparkPsCommand implements Callable<Integer> {
    @Option(
            names = "--stack",
            required = true,
            description = "Stack manifest (stack.json), readable by every executor.")
    Path stack;

    @Option(names = "--out", required = true, description = "Output folder (created).")
    Path out;

    @Option(
            names = "--max-dispersion",
            defaultValue = "0.25",
            description = "Largest amplitude dispersion of a candidate.")
    double maxDispersion;

    @Option(
            names = "--min-coherence",
            defaultValue = "0.7",
            description = "Least temporal coherence of a PS.")
    double minCoherence;

    @Option(
            names = "--iterations",
            defaultValue = "6",
            description =
                    "Nuisance-filter iterations; 0 = per-point periodogram only (all estimation on executors).")
    int iterations;

    @Option(
            names = "--block-rows",
            defaultValue = "128",
            description = "Rows per block (one Spark task each).")
    int blockRows;

    @Mixin SparkOptions spark = new SparkOptions();

    @Override
    public Integer call() throws Exception {
        ConfigPsPipeline c = new ConfigPsPipeline();
        c.selection.maxDispersion = maxDispersion;
        c.minTemporalCoherence = minCoherence;
        c.atmosphere.iterations = iterations;
        c.blockRows = blockRows;
        c.validate();
        StackManifest m = StackManifest.read(stack);
        PsResult r;
        try (SparkEngine engine = SparkEngine.start(spark.config())) {
            r = SparkPsJob.runAndWrite(engine, m, c, out, new CliProgress());
        }
        System.out.printf(
                Locale.ROOT,
                "%d PS of %d candidates, mean temporal coherence %.3f; wrote %s%n",
                r.points().size(),
                r.numCandidates(),
                r.meanTemporalCoherence(),
                out);
        return 0;
    }
}
