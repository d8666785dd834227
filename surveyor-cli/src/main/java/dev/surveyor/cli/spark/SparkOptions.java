package dev.surveyor.cli.spark;

import dev.surveyor.spark.ConfigSparkEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Picocli mixin: where Spark runs ({@code --master}) and extra Spark properties ({@code
 * --spark-conf}).
 */
public final class SparkOptions {
    @Option(
            names = "--master",
            paramLabel = "URL",
            description =
                    "Spark master: local[*] (default, embedded in this process), local[N],"
                            + " spark://HOST:7077, yarn, k8s://https://HOST:PORT. Input and output paths"
                            + " must be visible to every executor.")
    String master;

    @Option(
            names = "--spark-conf",
            paramLabel = "KEY=VALUE",
            description = "Spark property, repeatable, e.g. --spark-conf spark.executor.memory=8g.")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    /** The engine settings these options describe (validated). */
    public ConfigSparkEngine config() {
        ConfigSparkEngine c = new ConfigSparkEngine();
        if (master != null) {
            c.master = master;
        }
        c.sparkConf.putAll(sparkConf);
        c.validate();
        return c;
    }
}
