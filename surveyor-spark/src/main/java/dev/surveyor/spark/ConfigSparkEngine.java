package dev.surveyor.spark;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings for {@link SparkEngine}.
 *
 * <p>Embedded use (the CLI's {@code --engine spark} without {@code --master}) runs Spark inside the
 * calling JVM on {@code local[*]}, bound to the loopback interface and without the web UI. Under
 * {@code spark-submit} the master and every {@code spark.*} property given to spark-submit win:
 * {@link #master} is then only a fallback.
 */
public class ConfigSparkEngine implements Config {
    private static final long serialVersionUID = 1L;

    /**
     * Spark master URL: {@code local[N]}, {@code local[*]}, {@code spark://host:7077}, {@code
     * yarn}, {@code k8s://...}. Default {@code local[*]}.
     */
    public String master = "local[*]";

    /** Application name shown by the cluster manager. Default {@code surveyor}. */
    public String appName = "surveyor";

    /**
     * Work units per Spark partition. 1 (default) makes every tile or block its own task, which
     * balances load best; larger values cut scheduling overhead for very many small units.
     */
    public int unitsPerPartition = 1;

    /**
     * Extra Spark properties ({@code spark.executor.memory=8g}, ...), applied after the defaults
     * and before {@code spark-submit}'s own (which win).
     */
    public Map<String, String> sparkConf = new LinkedHashMap<>();

    /**
     * Whether the master runs executors inside this JVM ({@code local}, {@code local[N]}, {@code
     * local[*]}).
     */
    public boolean isLocal() {
        return master.equals("local") || master.startsWith("local[");
    }

    @Override
    public void validate() {
        Checks.notNull("master", master);
        if (master.isBlank()) {
            throw new IllegalArgumentException("master must not be blank");
        }
        Checks.notNull("appName", appName);
        Checks.atLeast("unitsPerPartition", unitsPerPartition, 1);
        Checks.notNull("sparkConf", sparkConf);
        for (Map.Entry<String, String> e : sparkConf.entrySet()) {
            if (e.getKey() == null || !e.getKey().startsWith("spark.") || e.getValue() == null) {
                throw new IllegalArgumentException(
                        "sparkConf keys must start with 'spark.' and have a value, got "
                                + e.getKey()
                                + "="
                                + e.getValue());
            }
        }
    }

    /** A deep copy. */
    public ConfigSparkEngine copy() {
        ConfigSparkEngine c = new ConfigSparkEngine();
        c.master = master;
        c.appName = appName;
        c.unitsPerPartition = unitsPerPartition;
        c.sparkConf = new LinkedHashMap<>(sparkConf);
        return c;
    }
}
