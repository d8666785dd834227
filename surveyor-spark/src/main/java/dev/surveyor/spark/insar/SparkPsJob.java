package dev.surveyor.spark.insar;

import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.insar.estimate.AtmosphereFilteringEstimator;
import dev.surveyor.insar.estimate.PhaseModel;
import dev.surveyor.insar.estimate.PointEstimates;
import dev.surveyor.insar.estimate.PointSet;
import dev.surveyor.insar.pipeline.AmplitudeSums;
import dev.surveyor.insar.pipeline.BlockCandidates;
import dev.surveyor.insar.pipeline.ConfigPsPipeline;
import dev.surveyor.insar.pipeline.PsOutputWriter;
import dev.surveyor.insar.pipeline.PsPipeline;
import dev.surveyor.insar.pipeline.PsResult;
import dev.surveyor.insar.ps.PsSelector;
import dev.surveyor.insar.stack.StackManifest;
import dev.surveyor.insar.stack.StackReader;
import dev.surveyor.spark.SparkEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PsPipeline} on Spark, with bit-identical results.
 *
 * <p>Steps: (1) reference date as in the pipeline (chosen on the driver when the manifest has
 * none); (2) pass 1, one Spark task per row block of {@code blockRows} rows: per-date amplitude
 * sums, combined on the driver in block order (only when the selection normalises); (3) pass 2, one
 * task per block: amplitude statistics, candidates, their phases and the mean amplitude,
 * concatenated in block order (row-major, as in the pipeline); (4) estimation: every pass of {@link
 * AtmosphereFilteringEstimator} (the plain periodogram and each filter iteration) runs as one Spark
 * stage over chunks of candidates ({@link SparkRangeRunner}); the candidates' phases and the
 * neighbour grid are broadcast once, each iteration's models once; (5) PS selection and outputs as
 * in the pipeline. The per-block and per-chunk work is the pipeline's and the estimator's own code.
 * Every block task reads its block from the stack files named by the manifest, so the manifest and
 * the files must be at the same path on every executor.
 *
 * <p>Memory: executors hold one block of every date, or the broadcast candidates' phases; the
 * driver holds the candidates' phases and the mean-amplitude map.
 */
public final class SparkPsJob {
    private SparkPsJob() {}

    /**
     * Runs the PS pipeline on Spark.
     *
     * @param engine a started engine
     * @param manifest the stack; its {@code path()} must be readable by every executor
     * @param config settings (null = defaults)
     * @param progress progress of the passes (null = none)
     */
    public static PsResult run(
            SparkEngine engine,
            StackManifest manifest,
            ConfigPsPipeline config,
            ProgressListener progress)
            throws IOException {
        ConfigPsPipeline c = config == null ? new ConfigPsPipeline() : config.copy();
        c.validate();
        ProgressListener pl = progress == null ? ProgressListener.NONE : progress;
        StackManifest m = PsPipeline.withReference(manifest, c);
        String path = m.path().toAbsolutePath().toString();
        PsSelector selector = PsSelector.create(c.selection);
        int w;
        int h;
        int n;
        GridGeometry geometry;
        // The driver opens the stack once to check it and learn its size (executors open it again).
        try (StackReader reader = StackReader.open(m)) {
            w = reader.width();
            h = reader.height();
            n = reader.numDates();
            geometry = reader.geometry().orElse(null);
        }
        List<PsBlock> blocks = new ArrayList<>();
        for (int b = 0, y0 = 0; y0 < h; b++, y0 += c.blockRows) {
            blocks.add(new PsBlock(b, y0, Math.min(c.blockRows, h - y0)));
        }
        double[] means = null;
        if (selector.normalizes()) {
            List<AmplitudeSums> sums =
                    engine.map(
                            "amplitude means",
                            blocks,
                            PsStackTasks.sums(path, m.referenceDate()),
                            pl);
            means = PsPipeline.sceneMeans(sums, n);
        }
        List<BlockCandidates> found =
                engine.map(
                        "candidates",
                        blocks,
                        PsStackTasks.candidates(path, m.referenceDate(), c.selection, means),
                        pl);
        PointSet pts = PsPipeline.concat(found, n);
        PhaseModel model = PsPipeline.model(m);
        SparkRangeRunner runner = new SparkRangeRunner(engine);
        PointEstimates est;
        try {
            est =
                    new AtmosphereFilteringEstimator(model, c.periodogram, c.atmosphere)
                            .estimate(pts, pl, runner);
        } finally {
            runner.release();
        }
        return PsPipeline.result(m, w, h, pts, est, model, c.minTemporalCoherence, found, geometry);
    }

    /** Runs the pipeline on Spark and writes the same files as {@code surveyor insar ps}. */
    public static PsResult runAndWrite(
            SparkEngine engine,
            StackManifest manifest,
            ConfigPsPipeline config,
            Path outDir,
            ProgressListener progress)
            throws IOException {
        PsResult r = run(engine, manifest, config, progress);
        PsOutputWriter.write(r, outDir);
        return r;
    }
}
