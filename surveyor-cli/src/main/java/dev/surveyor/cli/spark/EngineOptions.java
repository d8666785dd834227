package dev.surveyor.cli.spark;

import dev.surveyor.spark.ConfigSparkEngine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Picocli mixin for analysis commands: {@code --engine local|spark}, {@code --master URL}, {@code
 * --spark-conf k=v}. {@code --engine spark} without {@code --master} runs Spark embedded on {@code
 * local[*]}. Giving {@code --master} or {@code --spark-conf} with {@code --engine local} is a usage
 * error.
 *
 * <p>Use: {@code @Mixin EngineOptions engine;} then {@code if (engine.isSpark()) { try (SparkEngine
 * e = SparkEngine.start(engine.sparkConfig())) { ...Spark job... } } else { ...local pipeline...
 * }}.
 */
public final class EngineOptions {
    /** Where a command runs. */
    public enum Engine {
        /** This machine, with the pipeline's own threads. */
        local,
        /** Apache Spark: embedded local[*] or the cluster given by --master. */
        spark
    }

    @Option(
            names = "--engine",
            defaultValue = "local",
            paramLabel = "ENGINE",
            description = "local (this machine, default) or spark (tiles/blocks as Spark tasks).")
    Engine engine = Engine.local;

    @Mixin SparkOptions spark = new SparkOptions();

    /** Whether the command should run on Spark. */
    public boolean isSpark() {
        if (engine == Engine.local && (spark.master != null || !spark.sparkConf.isEmpty())) {
            throw new IllegalArgumentException(
                    "--master and --spark-conf need --engine spark, got --engine local");
        }
        return engine == Engine.spark;
    }

    /** The Spark settings (validated); only meaningful when {@link #isSpark()}. */
    public ConfigSparkEngine sparkConfig() {
        return spark.config();
    }
}
