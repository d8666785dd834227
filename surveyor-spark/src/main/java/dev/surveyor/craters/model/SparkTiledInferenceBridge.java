package dev.surveyor.craters.model;

import dev.surveyor.craters.Crater;
import java.util.List;

/**
 * Bridge for {@code dev.surveyor.spark.craters.SparkCraterJob} to the package-private window layout
 * and seam merge of {@link TiledInference}, so that the Spark job uses exactly the same ones. Lives
 * in surveyor-spark under this package name (a split package, fine on the class path) until
 * TiledInference offers a public per-window entry point; then delete it.
 */
public final class SparkTiledInferenceBridge {
    private SparkTiledInferenceBridge() {}

    /** {@code TiledInference.axis}: window starts and core bounds along one axis. */
    public static int[][] axis(int size, int win, int overlap) {
        return TiledInference.axis(size, win, overlap);
    }

    /** {@code TiledInference.mergeAcrossTiles}: drops seam duplicates. */
    public static List<Crater> mergeAcrossTiles(List<Crater> all, List<Integer> tileOf) {
        return TiledInference.mergeAcrossTiles(all, tileOf);
    }
}
