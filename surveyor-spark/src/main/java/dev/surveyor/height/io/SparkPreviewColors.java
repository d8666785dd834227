package dev.surveyor.height.io;

/**
 * Bridge for {@code dev.surveyor.spark.height.SparkHeightJob}: the height preview colours of {@link
 * HeightPipelines#predictFile}, whose {@code ColorMaps} is package-private. Lives in surveyor-spark
 * under this package name (a split package, fine on the class path) until {@code ColorMaps} is made
 * public; then delete it and call {@code ColorMaps.height} directly.
 */
public final class SparkPreviewColors {
    private SparkPreviewColors() {}

    /** RGB of a height as in the single-machine preview. */
    public static int[] height(double heightM, double maxM) {
        return ColorMaps.height(heightM, maxM);
    }
}
