package dev.surveyor.insar.pipeline;

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
 * statistics, candidates ({@link PsSelector}), and the candidates' interferometric phases; (4)
 * estimation with nuisance removal ({@link AtmosphereFilteringEstimator}); (5) PS = candidates with
 * temporal coherence ≥ the threshold. Blocks are read and processed on several threads; memory is a
 * block of every date plus the candidates' phases.
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

    PsResult process(StackManifest manifest, ProgressListener pl) throws IOException {
        StackManifest m = manifest;
        if (m.referenceDate() == null) {
            ReferenceChoice rc = chooseReference(m, config);
            m =
                    m.withReference(
                            config.paperReferenceCriterion
                                    ? rc.paper().date()
                                    : rc.modelledCoherence().date());
        }
        PsSelector selector = PsSelector.create(config.selection);
        int threads = Parallel.threads(config.threads);
        try (StackReader reader = StackReader.open(m)) {
            int w = reader.width();
            int h = reader.height();
            int n = reader.numDates();
            int ref = reader.referenceIndex();
            int rows = config.blockRows;
            int blocks = (h + rows - 1) / rows;
            boolean useIfgAmp = m.type() == StackType.INTERFEROGRAM;
            // Pass 1: scene-mean amplitudes.
            double[] means = null;
            if (selector.normalizes()) {
                double[][] sums = new double[blocks][n];
                long[][] counts = new long[blocks][n];
                pl.start("amplitude means", blocks);
                Parallel.forRanges(
                        blocks,
                        1,
                        threads,
                        (b0, b1) -> {
                            for (int b = b0; b < b1; b++) {
                                int y0 = b * rows;
                                StackWindow win = reader.read(0, y0, w, Math.min(rows, h - y0));
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
                                    sums[b][q] = s;
                                    counts[b][q] = k;
                                }
                                pl.advance(1);
                            }
                        });
                pl.finish("");
                means = new double[n];
                for (int q = 0; q < n; q++) {
                    double s = 0;
                    long k = 0;
                    for (int b = 0; b < blocks; b++) {
                        s += sums[b][q];
                        k += counts[b][q];
                    }
                    means[q] = k > 0 && s > 0 ? s / k : Double.NaN;
                }
            }
            // Pass 2: statistics, candidates and their phases.
            double[] fm = means;
            BlockCandidates[] found = new BlockCandidates[blocks];
            pl.start("candidates", blocks);
            Parallel.forRanges(
                    blocks,
                    1,
                    threads,
                    (b0, b1) -> {
                        for (int b = b0; b < b1; b++) {
                            int y0 = b * rows;
                            StackWindow win = reader.read(0, y0, w, Math.min(rows, h - y0));
                            found[b] = candidates(win, selector, fm, n, ref, useIfgAmp);
                            pl.advance(1);
                        }
                    });
            pl.finish("");
            int total = 0;
            for (BlockCandidates bc : found) {
                total += bc.rows.size();
            }
            int[] pr = new int[total];
            int[] pc = new int[total];
            float[] da = new float[total];
            float[] ph = new float[total * n];
            int k = 0;
            for (BlockCandidates bc : found) {
                for (int i = 0; i < bc.rows.size(); i++) {
                    pr[k] = bc.rows.get(i);
                    pc[k] = bc.cols.get(i);
                    da[k] = bc.dispersion.get(i);
                    System.arraycopy(bc.phases.get(i), 0, ph, k * n, n);
                    k++;
                }
            }
            PointSet pts = new PointSet(pr, pc, n, ph, da);
            double[] b = m.hasBaselines() ? baselines(m) : null;
            PhaseModel model = PhaseModel.of(m.sensor(), m.dates(), m.referenceDate(), b);
            PointEstimates est =
                    new AtmosphereFilteringEstimator(model, config.periodogram, config.atmosphere)
                            .estimate(pts, pl);
            List<PsPoint> ps = new ArrayList<>();
            double[] t = model.timeYr();
            for (int p = 0; p < total; p++) {
                if (!(est.temporalCoherence()[p] >= config.minTemporalCoherence)) {
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
                ps.add(new PsPoint(pr[p], pc[p], v, dh, est.temporalCoherence()[p], da[p], d));
            }
            return new PsResult(
                    w,
                    h,
                    m.dates(),
                    m.referenceDate(),
                    model.hasDemError(),
                    total,
                    List.copyOf(ps),
                    est.filterSigmaPx(),
                    reader.geometry().orElse(null));
        }
    }

    private static final class BlockCandidates {
        final List<Integer> rows = new ArrayList<>();
        final List<Integer> cols = new ArrayList<>();
        final List<Float> dispersion = new ArrayList<>();
        final List<float[]> phases = new ArrayList<>();
    }

    private static BlockCandidates candidates(
            StackWindow win,
            PsSelector selector,
            double[] means,
            int n,
            int ref,
            boolean useIfgAmp) {
        List<float[]> amps = new ArrayList<>();
        List<Double> ms = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            float[] a = amplitude(win, q, ref, useIfgAmp);
            if (a != null && (means == null || Double.isFinite(means[q]))) {
                amps.add(a);
                ms.add(means == null ? 1.0 : means[q]);
            }
        }
        BlockCandidates out = new BlockCandidates();
        if (amps.isEmpty()) {
            return out;
        }
        double[] mm = ms.stream().mapToDouble(Double::doubleValue).toArray();
        AmplitudeStatistics st = AmplitudeStatistics.compute(amps.toArray(new float[0][]), mm);
        int w = win.width();
        for (int i = 0; i < w * win.height(); i++) {
            if (!selector.isCandidate(st, i)) {
                continue;
            }
            float[] p = new float[n];
            for (int q = 0; q < n; q++) {
                float[] z = win.interferogram(q);
                p[q] = (float) Math.atan2(z[2 * i + 1], z[2 * i]);
            }
            out.rows.add(win.y0() + i / w);
            out.cols.add(win.x0() + i % w);
            out.dispersion.add(st.dispersion()[i]);
            out.phases.add(p);
        }
        return out;
    }

    /** The amplitude of date q in a window, or null when the stack has none. */
    static float[] amplitude(StackWindow win, int q, int ref, boolean useIfgAmp) {
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
