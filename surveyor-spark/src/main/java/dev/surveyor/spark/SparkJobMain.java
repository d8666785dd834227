package dev.surveyor.spark;

import dev.surveyor.craters.model.TestScales;
import dev.surveyor.craters.model.TestTimeAugmentation;
import dev.surveyor.height.predict.ConfigTiledPrediction;
import dev.surveyor.insar.pipeline.ConfigPsPipeline;
import dev.surveyor.insar.pipeline.PsResult;
import dev.surveyor.insar.stack.StackManifest;
import dev.surveyor.spark.craters.SparkCraterJob;
import dev.surveyor.spark.height.SparkHeightJob;
import dev.surveyor.spark.insar.SparkPsJob;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Entry point for {@code spark-submit} of the cluster jar ({@code mvn -P cluster-jar package -pl
 * surveyor-spark -am}); the master and resources come from spark-submit.
 *
 * <pre>
 * spark-submit --class dev.surveyor.spark.SparkJobMain surveyor-spark-cluster.jar \
 *     ps --stack /shared/stack.json --out /shared/ps [--iterations 6] [--block-rows 128]
 *        [--min-coherence 0.7] [--max-dispersion 0.25]
 * spark-submit ... predict --model /shared/model --image /shared/scene.tif --out /shared/h.tif
 *        [--preview /shared/h.png] [--preview-max 60] [--tile 256] [--overlap 64]
 * spark-submit ... detect --model /shared/craters-model --image /shared/wac.tif --out /shared/craters.csv
 *        [--band 0] [--window 0 (model's)] [--overlap 64] [--batch 4] [--threshold (model's)] [--tta none|flip|d4 (model's)] [--scales 0.75,1,1.5,2 (model's)]
 * </pre>
 *
 * Exit codes as the {@code surveyor} CLI: 0 ok, 2 bad input (one line on stderr), 1 other failure.
 */
public final class SparkJobMain {
    private SparkJobMain() {}

    /** Runs a job; see the class comment. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        try {
            if (args.length == 0) {
                throw new IllegalArgumentException(
                        "usage: SparkJobMain ps|predict|detect --option value ...");
            }
            Map<String, String> o = options(args);
            String job = args[0];
            ConfigSparkEngine ec = new ConfigSparkEngine();
            ec.appName = "surveyor " + job;
            switch (job) {
                case "ps" -> {
                    ConfigPsPipeline c = new ConfigPsPipeline();
                    c.atmosphere.iterations = Integer.parseInt(o.getOrDefault("--iterations", "6"));
                    c.blockRows = Integer.parseInt(o.getOrDefault("--block-rows", "128"));
                    c.minTemporalCoherence =
                            Double.parseDouble(o.getOrDefault("--min-coherence", "0.7"));
                    c.selection.maxDispersion =
                            Double.parseDouble(o.getOrDefault("--max-dispersion", "0.25"));
                    StackManifest m = StackManifest.read(Path.of(required(o, "--stack")));
                    try (SparkEngine e = SparkEngine.start(ec)) {
                        PsResult r =
                                SparkPsJob.runAndWrite(
                                        e, m, c, Path.of(required(o, "--out")), null);
                        System.out.printf(
                                Locale.ROOT,
                                "%d PS of %d candidates on %s%n",
                                r.points().size(),
                                r.numCandidates(),
                                e.master());
                    }
                }
                case "predict" -> {
                    ConfigTiledPrediction c = new ConfigTiledPrediction();
                    c.tileSizePx = Integer.parseInt(o.getOrDefault("--tile", "256"));
                    c.overlapPx = Integer.parseInt(o.getOrDefault("--overlap", "64"));
                    String preview = o.get("--preview");
                    try (SparkEngine e = SparkEngine.start(ec)) {
                        SparkHeightJob.predictFile(
                                e,
                                Path.of(required(o, "--model")),
                                Path.of(required(o, "--image")),
                                Path.of(required(o, "--out")),
                                preview == null ? null : Path.of(preview),
                                Double.parseDouble(o.getOrDefault("--preview-max", "60")),
                                c,
                                null);
                    }
                }
                case "detect" -> {
                    String thr = o.get("--threshold");
                    try (SparkEngine e = SparkEngine.start(ec)) {
                        var craters =
                                SparkCraterJob.detectFile(
                                        e,
                                        Path.of(required(o, "--model")),
                                        Path.of(required(o, "--image")),
                                        Integer.parseInt(o.getOrDefault("--band", "0")),
                                        Integer.parseInt(o.getOrDefault("--window", "0")),
                                        Integer.parseInt(o.getOrDefault("--overlap", "-1")),
                                        Integer.parseInt(o.getOrDefault("--batch", "4")),
                                        thr == null ? Double.NaN : Double.parseDouble(thr),
                                        TestTimeAugmentation.fromOptions(
                                                o.get("--tta"),
                                                o.containsKey("--flip-test")
                                                        ? Boolean.valueOf(o.get("--flip-test"))
                                                        : null),
                                        o.containsKey("--scales")
                                                ? TestScales.parse(o.get("--scales"))
                                                : null,
                                        Path.of(required(o, "--out")),
                                        null);
                        System.out.printf(
                                Locale.ROOT, "%d craters on %s%n", craters.size(), e.master());
                    }
                }
                default ->
                        throw new IllegalArgumentException(
                                "unknown job '" + job + "', expected ps, predict or detect");
            }
            return 0;
        } catch (IllegalArgumentException | java.nio.file.NoSuchFileException e) {
            System.err.println("surveyor: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("surveyor: " + e);
            return e instanceof dev.surveyor.core.raster.RasterFormatException ? 2 : 1;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "expected --option value, got '" + args[i] + "'");
            }
            o.put(args[i], args[i + 1]);
        }
        return o;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return v;
    }
}
