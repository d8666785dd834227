package dev.surveyor.spark.insar;

import dev.surveyor.insar.pipeline.AmplitudeSums;
import dev.surveyor.insar.pipeline.BlockCandidates;
import dev.surveyor.insar.pipeline.PsPipeline;
import dev.surveyor.insar.ps.ConfigPsSelection;
import dev.surveyor.insar.ps.PsSelector;
import dev.surveyor.insar.stack.StackManifest;
import dev.surveyor.insar.stack.StackReader;
import dev.surveyor.insar.stack.StackWindow;
import dev.surveyor.spark.UnitTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-block work of the PS pipeline as serializable Spark tasks. Each task re-reads the
 * manifest from its path (which every executor must see), reads its own block of every date and
 * calls the pipeline's public per-block step ({@link PsPipeline#amplitudeSums}, {@link
 * PsPipeline#candidates}): the same code as the single-machine run, hence bit-identical results
 * ({@code SparkPsJobTest} checks it).
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

    /** Pass 1: per date sums of the block's amplitudes ({@link PsPipeline#amplitudeSums}). */
    static UnitTask<PsBlock, AmplitudeSums> sums(String manifestPath, LocalDate referenceDate) {
        return block -> {
            StackReader reader = open(manifestPath, referenceDate);
            StackWindow win = reader.read(0, block.y0(), reader.width(), block.rows());
            return PsPipeline.amplitudeSums(
                    win,
                    reader.referenceIndex(),
                    PsPipeline.usesInterferogramAmplitude(reader.manifest()));
        };
    }

    /** Pass 2: the block's candidates, their phases and mean amplitudes. */
    static UnitTask<PsBlock, BlockCandidates> candidates(
            String manifestPath,
            LocalDate referenceDate,
            ConfigPsSelection selection,
            double[] means) {
        return block -> {
            PsSelector selector = PsSelector.create(selection);
            StackReader reader = open(manifestPath, referenceDate);
            StackWindow win = reader.read(0, block.y0(), reader.width(), block.rows());
            return PsPipeline.candidates(
                    win,
                    selector,
                    means,
                    reader.referenceIndex(),
                    PsPipeline.usesInterferogramAmplitude(reader.manifest()));
        };
    }
}
