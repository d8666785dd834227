package dev.surveyor.spark.insar;

import dev.surveyor.insar.estimate.AtmosphereFilteringEstimator;
import dev.surveyor.insar.estimate.ConfigAtmosphere;
import dev.surveyor.insar.estimate.ConfigPeriodogram;
import dev.surveyor.insar.estimate.PhaseModel;
import dev.surveyor.insar.estimate.PointEstimates;
import dev.surveyor.insar.ps.AmplitudeStatistics;
import dev.surveyor.insar.ps.ConfigPsSelection;
import dev.surveyor.insar.ps.PsSelector;
import dev.surveyor.insar.stack.Acquisition;
import dev.surveyor.insar.stack.StackManifest;
import dev.surveyor.insar.stack.StackReader;
import dev.surveyor.insar.stack.StackType;
import dev.surveyor.insar.stack.StackWindow;
import dev.surveyor.spark.UnitTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-block work of the PS pipeline as serializable Spark tasks. Each task re-reads the
 * manifest from its path (which every executor must see) and reads its own block of every date.
 *
 * <p>The arithmetic mirrors {@link dev.surveyor.insar.pipeline.PsPipeline} statement for statement
 * (same summation order, same float/double conversions), which is what makes the Spark results
 * bit-identical; {@code SparkPsJobTest} checks it against the single-machine pipeline.
 */
final class PsStackTasks {
    private PsStackTasks() {}

    /**
     * Open stacks of this JVM, by manifest path, reference date and manifest modification time:
     * tasks of the same job on an executor share one reader (thread-safe) instead of parsing the
     * manifest and opening every file per block. Readers stay open until the JVM exits.
     */
    private static final ConcurrentHashMap<String, StackReader> READERS = new ConcurrentHashMap<>();

    /** The shared reader of a manifest path with the given reference date. */
    static StackReader open(String manifestPath, LocalDate referenceDate) throws IOException {
        Path p = Path.of(manifestPath);
        String key =
                manifestPath + "|" + referenceDate + "|" + Files.getLastModifiedTime(p).toMillis();
        StackReader r = READERS.get(key);
        if (r == null) {
            synchronized (READERS) {
                r = READERS.get(key);
                if (r == null) {
                    r = StackReader.open(StackManifest.read(p).withReference(referenceDate));
                    READERS.put(key, r);
                }
            }
        }
        return r;
    }

    /** Pass 1: per date sums of the block's amplitudes. */
    static UnitTask<PsBlock, BlockSums> sums(String manifestPath, LocalDate referenceDate) {
        return block -> {
            StackReader reader = open(manifestPath, referenceDate);
            boolean useIfgAmp = reader.manifest().type() == StackType.INTERFEROGRAM;
            int n = reader.numDates();
            int ref = reader.referenceIndex();
            StackWindow win = reader.read(0, block.y0(), reader.width(), block.rows());
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
            return new BlockSums(sums, counts);
        };
    }

    /** Scene means from the blocks' sums, combined in block order (NaN where a date has none). */
    static double[] means(List<BlockSums> blocks, int n) {
        double[] means = new double[n];
        for (int q = 0; q < n; q++) {
            double s = 0;
            long k = 0;
            for (BlockSums b : blocks) {
                s += b.sums()[q];
                k += b.counts()[q];
            }
            means[q] = k > 0 && s > 0 ? s / k : Double.NaN;
        }
        return means;
    }

    /** Pass 2: the block's candidates and their phases. */
    static UnitTask<PsBlock, BlockCandidates> candidates(
            String manifestPath,
            LocalDate referenceDate,
            ConfigPsSelection selection,
            double[] means) {
        return block -> {
            PsSelector selector = PsSelector.create(selection);
            StackReader reader = open(manifestPath, referenceDate);
            boolean useIfgAmp = reader.manifest().type() == StackType.INTERFEROGRAM;
            int n = reader.numDates();
            int ref = reader.referenceIndex();
            StackWindow win = reader.read(0, block.y0(), reader.width(), block.rows());
            return candidates(win, selector, means, n, ref, useIfgAmp);
        };
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
        if (amps.isEmpty()) {
            return new BlockCandidates(new int[0], new int[0], new float[0], new float[0]);
        }
        double[] mm = ms.stream().mapToDouble(Double::doubleValue).toArray();
        AmplitudeStatistics st = AmplitudeStatistics.compute(amps.toArray(new float[0][]), mm);
        int w = win.width();
        int px = w * win.height();
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
        return new BlockCandidates(rows, cols, da, ph);
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

    /** The phase model of a manifest with a reference date. */
    static PhaseModel model(StackManifest m) {
        double[] b =
                m.hasBaselines()
                        ? m.acquisitions().stream().mapToDouble(Acquisition::bperpM).toArray()
                        : null;
        return PhaseModel.of(m.sensor(), m.dates(), m.referenceDate(), b);
    }

    /**
     * Per-point estimation of a chunk of candidates with the plain periodogram (no nuisance
     * filtering: each point's estimate depends on its own phases only, so a chunk gives the same
     * numbers as the whole set).
     */
    static UnitTask<PointChunk, PointEstimatesChunk> estimateChunk(
            String manifestPath,
            LocalDate referenceDate,
            ConfigPeriodogram periodogram,
            ConfigAtmosphere atmosphere) {
        return chunk -> {
            StackManifest m =
                    StackManifest.read(Path.of(manifestPath)).withReference(referenceDate);
            ConfigAtmosphere a = atmosphere.copy();
            a.threads = 1;
            PointEstimates e =
                    new AtmosphereFilteringEstimator(model(m), periodogram, a)
                            .estimate(chunk.toPointSet(), null);
            return new PointEstimatesChunk(e);
        };
    }
}
