package dev.surveyor.cli.insar;

import dev.surveyor.cli.CliProgress;
import dev.surveyor.cli.report.ReportOption;
import dev.surveyor.cli.spark.EngineOptions;
import dev.surveyor.insar.pipeline.ConfigPsPipeline;
import dev.surveyor.insar.pipeline.PsOutputWriter;
import dev.surveyor.insar.pipeline.PsPipeline;
import dev.surveyor.insar.pipeline.PsResult;
import dev.surveyor.insar.ps.PsMethod;
import dev.surveyor.insar.stack.StackManifest;
import dev.surveyor.report.run.RunKind;
import dev.surveyor.spark.SparkEngine;
import dev.surveyor.spark.insar.SparkPsJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code surveyor insar ps --stack S --out DIR}: PS selection, velocity and DEM error with
 * atmosphere removal; writes ps.csv, velocity.tif, dem_error.tif, temporal_coherence.tif,
 * amplitude_dispersion.tif, mean_amplitude.tif and summary.json (and, with {@code --report DIR},
 * the HTML page).
 */
@Command(
        name = "ps",
        mixinStandardHelpOptions = true,
        description =
                "Persistent scatterers: LOS velocity (mm/yr, + = towards the satellite) and DEM error.")
public final class PsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--stack",
            required = true,
            paramLabel = "S",
            description = "Stack manifest (stack.json).")
    Path stack;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(
            names = "--method",
            defaultValue = "dispersion",
            paramLabel = "M",
            description =
                    "Candidates: dispersion (D_A), amplitude (paper 1) or normalized-dispersion (paper 2); default ${DEFAULT-VALUE}.")
    String method;

    @Option(
            names = "--max-dispersion",
            defaultValue = "0.25",
            description = "D_A threshold (default ${DEFAULT-VALUE}).")
    double maxDispersion;

    @Option(
            names = "--gamma",
            defaultValue = "2.125",
            description = "Paper method 1: γ (default ${DEFAULT-VALUE}).")
    double gamma;

    @Option(
            names = "--gamma1",
            defaultValue = "2.65",
            description = "Paper method 2: γ1 (default ${DEFAULT-VALUE}).")
    double gamma1;

    @Option(
            names = "--gamma2",
            defaultValue = "0.175",
            description = "Paper method 2: γ2 (default ${DEFAULT-VALUE}).")
    double gamma2;

    @Option(
            names = "--min-coherence",
            defaultValue = "0.7",
            description = "Least temporal coherence of a PS (default ${DEFAULT-VALUE}).")
    double minCoherence;

    @Option(
            names = "--velocity-range",
            defaultValue = "50",
            paramLabel = "MM_YR",
            description = "Search ±this velocity (default ${DEFAULT-VALUE}).")
    double velocityRange;

    @Option(
            names = "--dem-range",
            defaultValue = "50",
            paramLabel = "M",
            description = "Search ±this DEM error (default ${DEFAULT-VALUE}).")
    double demRange;

    @Option(
            names = "--step-divisor",
            defaultValue = "16",
            description = "Grid steps λ/(d·ΔT), λR sinθ/(d·ΔB) (default ${DEFAULT-VALUE}).")
    double stepDivisor;

    @Option(
            names = "--iterations",
            defaultValue = "6",
            description =
                    "Atmosphere filter iterations; 0 = paper's plain periodogram (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(
            names = "--filter-sigma",
            defaultValue = "0",
            paramLabel = "PX",
            description = "Atmosphere filter σ in px; 0 = adaptive (default).")
    double filterSigma;

    @Option(
            names = "--arc-radius",
            defaultValue = "10",
            paramLabel = "PX",
            description =
                    "After filtering, re-estimate differences on arcs between PS closer than this"
                            + " (double differences, where the atmosphere cancels) and integrate them;"
                            + " 0 = off. Default ${DEFAULT-VALUE}.")
    double arcRadius;

    @Option(
            names = "--paper-reference",
            description =
                    "When the stack has no reference date, choose it by the paper's criterion (default: modelled coherence).")
    boolean paperReference;

    @Option(names = "--threads", defaultValue = "0", description = "Threads; 0 = all processors.")
    int threads;

    @Option(
            names = "--block-rows",
            defaultValue = "128",
            description = "Rows per streamed block (default ${DEFAULT-VALUE}).")
    int blockRows;

    @Mixin EngineOptions engine;

    @Mixin ReportOption report;

    @Override
    public Integer call() throws IOException {
        ConfigPsPipeline c = new ConfigPsPipeline();
        c.selection.method = PsMethod.parse(method);
        c.selection.maxDispersion = maxDispersion;
        c.selection.gamma = gamma;
        c.selection.gamma1 = gamma1;
        c.selection.gamma2 = gamma2;
        c.minTemporalCoherence = minCoherence;
        c.periodogram.velocityRangeMmYr = velocityRange;
        c.periodogram.demErrorRangeM = demRange;
        c.periodogram.stepDivisor = stepDivisor;
        c.atmosphere.iterations = iterations;
        c.atmosphere.filterSigmaPx = filterSigma;
        c.atmosphere.arcRadiusPx = arcRadius;
        c.atmosphere.threads = threads;
        c.paperReferenceCriterion = paperReference;
        c.threads = threads;
        c.blockRows = blockRows;
        c.validate();
        StackManifest m = StackManifest.read(stack);
        PrintWriter o = spec.commandLine().getOut();
        if (!m.hasBaselines()) {
            o.println(
                    "note: the stack has no perpendicular baselines; DEM error is not estimable, estimating velocity only");
        }
        PsResult r;
        if (engine.isSpark()) {
            try (SparkEngine e = SparkEngine.start(engine.sparkConfig())) {
                r = SparkPsJob.runAndWrite(e, m, c, out, new CliProgress());
            }
        } else {
            r = PsPipeline.run(m, c, new CliProgress());
            PsOutputWriter.write(r, out);
        }
        o.printf(
                Locale.ROOT,
                "%d PS of %d candidates, mean temporal coherence %.3f, reference %s -> %s%n",
                r.points().size(),
                r.numCandidates(),
                r.meanTemporalCoherence(),
                r.referenceDate(),
                out);
        o.flush();
        report.writeFolder(RunKind.INSAR, out);
        return 0;
    }
}
