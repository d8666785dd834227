package dev.surveyor.insar.pipeline;

import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.insar.baseline.ReferenceChoice;
import dev.surveyor.insar.baseline.ReferenceSelector;
import dev.surveyor.insar.estimate.AtmosphereFilteringEstimator;
import dev.surveyor.insar.estimate.Parallel;
import dev.surveyor.insar.estimate.PhaseModel;
import dev.surveyor.insar.estimate.PointEstimates;
import dev.surveyor.insar.estimate.PointSet;
import dev.surveyor.insar.ps.AmplitudeStatistics;
import dev.surveyor.insar.ps.PsSelector;
import dev.surveyor.insar.stack.Acquisition;
import dev.surveyor.insar.stack.StackManifest;
import dev.surveyor.insar.stack.StackReader;
import dev.surveyor.insar.stack.StackType;
import dev.surveyor.insar.stack.StackWindow;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The PS pipeline: reference date, candidates, estimation, PS.
 *
 * <p>Steps: (1) when the manifest has no reference date, choose it ({@link ReferenceSelector},
 * modelled coherence unless the paper's criterion is asked for); (2) pass 1 over row blocks:
 * scene-mean amplitude of every date (for the normalisation); (3) pass 2 over row blocks: amplitude
 * statistics, candidates ({@link PsSelector}), the candidates' interferometric phases and the
 * temporal mean amplitude of every pixel; (4) estimation with nuisance removal ({@link
 * AtmosphereFilteringEstimator}); (5) PS = candidates with temporal coherence ≥ the threshold.
 * Blocks are read and processed on several threads; memory is a block of every date plus the
 * candidates' phases and the mean-amplitude map.
 *
 * <p>The per-block steps are public ({@link #amplitudeSums}, {@link #sceneMeans}, {@link
 * #candidates}, {@link #concat}, {@link #result}) so that other engines (surveyor-spark) run the
 * same code on their workers and get bit-identical results.
 *
 * <p>Amplitudes: SLC stacks use |SLC|; interferogram stacks use their amplitude files, or, for
 * dates without one, |interferogram| (the reference amplitude is then a constant factor, which D_A
 * ignores); the reference date of such a stack without an amplitude file is left out of the
 * statistics.
 */
public final class PsPipeline {
    private final ConfigPsPipeline config;

    PsPipeline(ConfigPsPipeline config) {
        this.config = config;
    }

    /**
     * Runs the pipeline on a manifest.
     *
     * @param config settings (null = defaults)
     * @param progress progress of the passes and the estimation (null = none)
     */
    public static PsResult run(
            StackManifest manifest, ConfigPsPipeline config, ProgressListener progress)
            throws IOException {
        ConfigPsPipeline c = config == null ? new ConfigPsPipeline() : config.copy();
        c.validate();
        return new PsPipeline(c)
                .process(manifest, progress == null ? ProgressListener.NONE : progress);
    }

    /** The reference choice for a manifest (both criteria). */
    public static ReferenceChoice chooseReference(StackManifest m, ConfigPsPipeline config) {
        ConfigPsPipeline c = config == null ? new ConfigPsPipeline() : config;
        double[] b = m.hasBaselines() ? baselines(m) : null;
        return ReferenceSelector.select(m.dates(), b, null, c.reference);
    }

    static double[] baselines(StackManifest m) {
        return m.acquisitions().stream().mapToDouble(Acquisition::bperpM).toArray();
    }

    /**
     * The manifest with its reference date: the manifest's own, or the one chosen by the config's
     * criterion when it has none.
     */
    public static StackManifest withReference(StackManifest m, ConfigPsPipeline config) {
        if (m.referenceDate() != null) {
            return m;
        }
        ReferenceChoice rc = chooseReference(m, config);
        return m.withReference(
                config.paperReferenceCriterion ? rc.paper().date() : rc.modelledCoherence().date());
    }

    /** Whether the stack's amplitudes may come from its interferograms (interferogram stacks). */
    public static boolean usesInterferogramAmplitude(StackManifest m) {
        return m.type() == StackType.INTERFEROGRAM;
    }

    /** The phase model of a manifest with a reference date (velocity only without baselines). */
    public static PhaseModel model(StackManifest m) {
        double[] b = m.hasBaselines() ? baselines(m) : null;
        return PhaseModel.of(m.sensor(), m.dates(), m.referenceDate(), b);
    }

    PsResult process(StackManifest manifest, ProgressListener pl) throws IOException {
        StackManifest m = withReference(manifest, config);
        PsSelector selector = PsSelector.create(config.selection);
        int threads = Parallel.threads(config.threads);
        try (StackReader reader = StackReader.open(m)) {
            int w = reader.width();
            int h = reader.height();
            int n = reader.numDates();
            int ref = reader.referenceIndex();
            int rows = config.blockRows;
            boolean useIfgAmp = usesInterferogramAmplitude(m);
            // Pass 1: scene-mean amplitudes.
            double[] means = null;
            if (selector.normalizes()) {
                List<AmplitudeSums> sums =
                        forEachBlock(
                                reader,
                                rows,
                                threads,
                                "amplitude means",
                                pl,
                                win -> amplitudeSums(win, ref, useIfgAmp));
                means = sceneMeans(sums, n);
            }
            // Pass 2: statistics, candidates and their phases.
            double[] fm = means;
            List<BlockCandidates> found =
                    forEachBlock(
                            reader,
                            rows,
                            threads,
                            "candidates",
                            pl,
                            win -> candidates(win, selector, fm, ref, useIfgAmp));
            PointSet pts = concat(found, n);
            PhaseModel model = model(m);
            PointEstimates est =
                    new AtmosphereFilteringEstimator(model, config.periodogram, config.atmosphere)
                            .estimate(pts, pl);
            return result(
                    m,
                    w,
                    h,
                    pts,
                    est,
                    model,
                    config.minTemporalCoherence,
                    found,
                    reader.geometry().orElse(null));
        }
    }

    /** The work on one row block of every date. */
    private interface BlockStep<T> {
        T apply(StackWindow win) throws IOException;
    }

    /**
     * Reads the stack in blocks of {@code rows} full rows on {@code threads} threads and applies
     * {@code step} to each; results in block order (top to bottom).
     */
    private static <T> List<T> forEachBlock(
            StackReader reader,
            int rows,
            int threads,
            String stage,
            ProgressListener pl,
            BlockStep<T> step)
            throws IOException {
        int w = reader.width();
        int h = reader.height();
        int blocks = (h + rows - 1) / rows;
        Object[] out = new Object[blocks];
        pl.start(stage, blocks);
        Parallel.forRanges(
                blocks,
                1,
                threads,
                (b0, b1) -> {
                    for (int b = b0; b < b1; b++) {
                        int y0 = b * rows;
                        out[b] = step.apply(reader.read(0, y0, w, Math.min(rows, h - y0)));
                        pl.advance(1);
                    }
                });
        pl.finish("");
        List<T> res = new ArrayList<>(blocks);
        for (Object o : out) {
            @SuppressWarnings("unchecked")
            T t = (T) o;
            res.add(t);
        }
        return res;
    }

    /** Pass 1 of one row block: per date sums of the block's amplitudes. */
    public static AmplitudeSums amplitudeSums(StackWindow win, int ref, boolean useIfgAmp) {
        int n = win.numDates();
        double[] sums = new double[n];
        long[] counts = new long[n];
        for (int q = 0; q < n; q++) {
            float[] a = amplitude(win, q, ref, useIfgAmp);
            if (a == null) {
                continue;
            }
            double s = 0;
            long k = 0;
            for (float v : a) {
                if (!Float.isNaN(v)) {
                    s += v;
                    k++;
                }
            }
            sums[q] = s;
            counts[q] = k;
        }
        return new AmplitudeSums(sums, counts);
    }

    /** Scene means from the blocks' sums, combined in block order (NaN where a date has none). */
    public static double[] sceneMeans(List<AmplitudeSums> blocks, int n) {
        double[] means = new double[n];
        for (int q = 0; q < n; q++) {
            double s = 0;
            long k = 0;
            for (AmplitudeSums b : blocks) {
                s += b.sums()[q];
                k += b.counts()[q];
            }
            means[q] = k > 0 && s > 0 ? s / k : Double.NaN;
        }
        return means;
    }

    /**
     * Pass 2 of one row block: amplitude statistics, the candidates and their phases, and the
     * temporal mean amplitude {@code (1/K) Σ_q A_q} of every pixel over the K dates that have an
     * amplitude (see the class documentation; not normalised).
     *
     * @param means scene-mean amplitude per date from pass 1, or null when not normalising
     */
    public static BlockCandidates candidates(
            StackWindow win, PsSelector selector, double[] means, int ref, boolean useIfgAmp) {
        int n = win.numDates();
        int w = win.width();
        int px = w * win.height();
        List<float[]> amps = new ArrayList<>();
        List<Double> ms = new ArrayList<>();
        double[] sum = new double[px];
        int dates = 0;
        for (int q = 0; q < n; q++) {
            float[] a = amplitude(win, q, ref, useIfgAmp);
            if (a == null) {
                continue;
            }
            for (int i = 0; i < px; i++) {
                sum[i] += a[i];
            }
            dates++;
            if (means == null || Double.isFinite(means[q])) {
                amps.add(a);
                ms.add(means == null ? 1.0 : means[q]);
            }
        }
        float[] meanAmp = new float[px];
        for (int i = 0; i < px; i++) {
            meanAmp[i] = dates > 0 ? (float) (sum[i] / dates) : Float.NaN;
        }
        if (amps.isEmpty()) {
            return new BlockCandidates(
                    new int[0], new int[0], new float[0], new float[0], win.y0(), meanAmp);
        }
        double[] mm = ms.stream().mapToDouble(Double::doubleValue).toArray();
        AmplitudeStatistics st = AmplitudeStatistics.compute(amps.toArray(new float[0][]), mm);
        int count = 0;
        boolean[] keep = new boolean[px];
        for (int i = 0; i < px; i++) {
            keep[i] = selector.isCandidate(st, i);
            count += keep[i] ? 1 : 0;
        }
        int[] rows = new int[count];
        int[] cols = new int[count];
        float[] da = new float[count];
        float[] ph = new float[count * n];
        int k = 0;
        for (int i = 0; i < px; i++) {
            if (!keep[i]) {
                continue;
            }
            for (int q = 0; q < n; q++) {
                float[] z = win.interferogram(q);
                ph[k * n + q] = (float) Math.atan2(z[2 * i + 1], z[2 * i]);
            }
            rows[k] = win.y0() + i / w;
            cols[k] = win.x0() + i % w;
            da[k] = st.dispersion()[i];
            k++;
        }
        return new BlockCandidates(rows, cols, da, ph, win.y0(), meanAmp);
    }

    /** The candidates of all blocks, concatenated in block order (row-major). */
    public static PointSet concat(List<BlockCandidates> found, int n) {
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
            int c = bc.size();
            System.arraycopy(bc.rows(), 0, pr, k, c);
            System.arraycopy(bc.cols(), 0, pc, k, c);
            System.arraycopy(bc.dispersion(), 0, da, k, c);
            System.arraycopy(bc.phaseRad(), 0, ph, k * n, c * n);
            k += c;
        }
        return new PointSet(pr, pc, n, ph, da);
    }

    /**
     * The result: PS = candidates with temporal coherence ≥ {@code minCoherence}, with their
     * displacement series, and the mean-amplitude map assembled from the blocks.
     *
     * @param m the manifest with its reference date
     * @param found pass 2 results of all blocks, top to bottom (full-width row blocks)
     */
    public static PsResult result(
            StackManifest m,
            int width,
            int height,
            PointSet pts,
            PointEstimates est,
            PhaseModel model,
            double minCoherence,
            List<BlockCandidates> found,
            GridGeometry geometry) {
        float[] meanAmp = new float[width * height];
        for (BlockCandidates bc : found) {
            float[] a = bc.meanAmplitude();
            System.arraycopy(a, 0, meanAmp, bc.y0() * width, a.length);
        }
        return new PsResult(
                width,
                height,
                m.dates(),
                m.referenceDate(),
                model.hasDemError(),
                pts.size(),
                List.copyOf(select(pts, est, model, model.referenceIndex(), minCoherence)),
                est.filterSigmaPx(),
                geometry,
                meanAmp);
    }

    /** PS = candidates with coherence ≥ the threshold, with displacements (mm) per date. */
    public static List<PsPoint> select(
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

    /** The amplitude of date q in a window, or null when the stack has none. */
    public static float[] amplitude(StackWindow win, int q, int ref, boolean useIfgAmp) {
        if (win.amplitude(q) != null) {
            return win.amplitude(q);
        }
        if (!useIfgAmp || q == ref) {
            return null;
        }
        float[] z = win.interferogram(q);
        float[] a = new float[z.length / 2];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) Math.hypot(z[2 * i], z[2 * i + 1]);
        }
        return a;
    }

    static double wrap(double a) {
        return a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
    }

    /** Dates as {@code YYYYMMDD}. */
    static String compact(LocalDate d) {
        return d.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }
}
