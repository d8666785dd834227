package dev.surveyor.spark.insar;

import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.insar.estimate.AtmosphereFilteringEstimator;
import dev.surveyor.insar.estimate.PhaseModel;
import dev.surveyor.insar.estimate.PointEstimates;
import dev.surveyor.insar.estimate.PointSet;
import dev.surveyor.insar.pipeline.ConfigPsPipeline;
import dev.surveyor.insar.pipeline.PsOutputWriter;
import dev.surveyor.insar.pipeline.PsPipeline;
import dev.surveyor.insar.pipeline.PsPoint;
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
 * sums, combined on the driver in block order; (3) pass 2, one task per block: amplitude
 * statistics, candidates and their phases, concatenated in block order (row-major, as in the
 * pipeline); (4) estimation: with {@code atmosphere.iterations == 0} (the paper's per-point
 * periodogram) the candidates are split into chunks estimated by Spark tasks; with nuisance
 * filtering the estimation needs every candidate at once and runs on the driver with {@code
 * atmosphere.threads} threads (see README.md, "Running on a cluster"); (5) PS selection and
 * displacements as in the pipeline. Every task reads its own block from the stack files named by
 * the manifest, so the manifest and the files must be at the same path on every executor.
 *
 * <p>Memory: executors hold one block of every date; the driver holds the candidates' phases.
 */
public final class SparkPsJob {
    /**
     * Fewest points per estimation task (tens of ms of work), so that task overhead stays small.
     */
    static final int MIN_POINTS_PER_CHUNK = 256;

    /** Estimation tasks per Spark core, so that a slow core does not hold up the others. */
    static final int CHUNKS_PER_CORE = 4;

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
        StackManifest m = manifest;
        if (m.referenceDate() == null) {
            var rc = PsPipeline.chooseReference(m, c);
            m =
                    m.withReference(
                            c.paperReferenceCriterion
                                    ? rc.paper().date()
                                    : rc.modelledCoherence().date());
        }
        String path = m.path().toAbsolutePath().toString();
        PsSelector selector = PsSelector.create(c.selection);
        int w;
        int h;
        int n;
        int ref;
        dev.surveyor.core.geo.GridGeometry geometry;
        // The driver opens the stack once to check it and learn its size (executors open it again).
        try (StackReader reader = StackReader.open(m)) {
            w = reader.width();
            h = reader.height();
            n = reader.numDates();
            ref = reader.referenceIndex();
            geometry = reader.geometry().orElse(null);
        }
        List<PsBlock> blocks = new ArrayList<>();
        for (int b = 0, y0 = 0; y0 < h; b++, y0 += c.blockRows) {
            blocks.add(new PsBlock(b, y0, Math.min(c.blockRows, h - y0)));
        }
        double[] means = null;
        if (selector.normalizes()) {
            List<BlockSums> sums =
                    engine.map(
                            "amplitude means",
                            blocks,
                            PsStackTasks.sums(path, m.referenceDate()),
                            pl);
            means = PsStackTasks.means(sums, n);
        }
        List<BlockCandidates> found =
                engine.map(
                        "candidates",
                        blocks,
                        PsStackTasks.candidates(path, m.referenceDate(), c.selection, means),
                        pl);
        PointSet pts = concat(found, n);
        PhaseModel model = PsStackTasks.model(m);
        PointEstimates est = estimate(engine, path, m, model, pts, c, pl);
        List<PsPoint> ps = select(pts, est, model, ref, c.minTemporalCoherence);
        return new PsResult(
                w,
                h,
                m.dates(),
                m.referenceDate(),
                model.hasDemError(),
                pts.size(),
                List.copyOf(ps),
                est.filterSigmaPx(),
                geometry);
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

    static PointSet concat(List<BlockCandidates> found, int n) {
        int total = 0;
        for (BlockCandidates bc : found) {
            total += bc.size();
        }
        int[] pr = new int[total];
        int[] pc = new int[total];
        float[] da = new float[total];
        float[] ph = new float[total * n];
        int k = 0;
        for (BlockCandidates bc : found) {
            int m = bc.size();
            System.arraycopy(bc.rows(), 0, pr, k, m);
            System.arraycopy(bc.cols(), 0, pc, k, m);
            System.arraycopy(bc.dispersion(), 0, da, k, m);
            System.arraycopy(bc.phaseRad(), 0, ph, k * n, m * n);
            k += m;
        }
        return new PointSet(pr, pc, n, ph, da);
    }

    private static PointEstimates estimate(
            SparkEngine engine,
            String path,
            StackManifest m,
            PhaseModel model,
            PointSet pts,
            ConfigPsPipeline c,
            ProgressListener pl)
            throws IOException {
        if (c.atmosphere.iterations > 0 || pts.size() == 0) {
            // Nuisance filtering couples every candidate with its neighbours: one estimator on the
            // driver (multi-threaded), exactly as in the single-machine pipeline.
            return new AtmosphereFilteringEstimator(model, c.periodogram, c.atmosphere)
                    .estimate(pts, pl);
        }
        int np = pts.size();
        int n = pts.numDates();
        int perChunk =
                Math.max(
                        MIN_POINTS_PER_CHUNK,
                        (np + CHUNKS_PER_CORE * engine.defaultParallelism() - 1)
                                / (CHUNKS_PER_CORE * engine.defaultParallelism()));
        List<PointChunk> chunks = new ArrayList<>();
        for (int from = 0; from < np; from += perChunk) {
            chunks.add(PointChunk.of(pts, from, Math.min(np, from + perChunk)));
        }
        List<PointEstimatesChunk> parts =
                engine.map(
                        "estimate",
                        chunks,
                        PsStackTasks.estimateChunk(
                                path, m.referenceDate(), c.periodogram, c.atmosphere),
                        pl);
        double[] v = new double[np];
        double[] h = new double[np];
        double[] coh = new double[np];
        double[] off = new double[np];
        float[] nuisance = new float[np * n];
        int k = 0;
        double sigma = 0;
        for (PointEstimatesChunk e : parts) {
            int len = e.velocityMmYr().length;
            System.arraycopy(e.velocityMmYr(), 0, v, k, len);
            System.arraycopy(e.demErrorM(), 0, h, k, len);
            System.arraycopy(e.temporalCoherence(), 0, coh, k, len);
            System.arraycopy(e.offsetRad(), 0, off, k, len);
            System.arraycopy(e.nuisanceRad(), 0, nuisance, k * n, len * n);
            sigma = e.filterSigmaPx();
            k += len;
        }
        return new PointEstimates(v, h, coh, off, nuisance, sigma);
    }

    /** PS = candidates with coherence ≥ the threshold, with displacements (as in the pipeline). */
    static List<PsPoint> select(
            PointSet pts, PointEstimates est, PhaseModel model, int ref, double minCoherence) {
        int n = pts.numDates();
        float[] ph = pts.phaseRad();
        double[] t = model.timeYr();
        List<PsPoint> ps = new ArrayList<>();
        for (int p = 0; p < pts.size(); p++) {
            if (!(est.temporalCoherence()[p] >= minCoherence)) {
                continue;
            }
            double v = est.velocityMmYr()[p];
            double dh = est.demErrorM()[p];
            double c = est.offsetRad()[p];
            double[] r = new double[n];
            for (int q = 0; q < n; q++) {
                double corrected = ph[p * n + q] - est.nuisanceRad()[p * n + q];
                r[q] = wrap(corrected - c - model.phase(q, v, dh));
            }
            double[] d = new double[n];
            for (int q = 0; q < n; q++) {
                d[q] = v * t[q] + model.phaseToMm(wrap(r[q] - r[ref]));
            }
            ps.add(
                    new PsPoint(
                            pts.rows()[p],
                            pts.cols()[p],
                            v,
                            dh,
                            est.temporalCoherence()[p],
                            pts.amplitudeDispersion()[p],
                            d));
        }
        return ps;
    }

    static double wrap(double a) {
        return a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
    }
}
