package dev.surveyor.spark;

/**
 * One embedded {@code local[2]} Spark engine shared by the tests of this module (a session costs
 * about 1.5 s to start), bound to the loopback interface, without the web UI.
 */
public final class LocalSpark {
    private static SparkEngine engine;

    private LocalSpark() {}

    /** The shared engine (started on first use, stopped when the test JVM exits). */
    public static synchronized SparkEngine engine() {
        if (engine == null) {
            ConfigSparkEngine c = new ConfigSparkEngine();
            c.master = "local[2]";
            c.appName = "surveyor-test";
            c.sparkConf.put("spark.sql.shuffle.partitions", "2");
            SparkEngine e = SparkEngine.start(c);
            engine = SparkEngine.wrap(e.context(), 1);
            Runtime.getRuntime().addShutdownHook(new Thread(e::close));
        }
        return engine;
    }
}
