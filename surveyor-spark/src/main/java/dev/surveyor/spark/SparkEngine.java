package dev.surveyor.spark;

import dev.surveyor.core.util.ProgressListener;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a serializable per-unit function over a list of serializable work units on Spark executors
 * and hands the results back in unit order.
 *
 * <p>Units are small descriptions (a block or tile window, an index); the function captures the
 * config and the input paths, which every executor must be able to read (local disk for {@code
 * local[*]}, a shared file system or object-store mount on a cluster), and reads its window itself:
 * no raster data travels from the driver. Unit {@code i} becomes partition {@code i /
 * unitsPerPartition}, so partitions hold consecutive units and results come back ordered; {@link
 * #map} additionally sorts by index, so the merge on the driver never depends on task timing.
 *
 * <p>Lifecycle: {@link #start} creates (or, under {@code spark-submit}, joins) the Spark context;
 * {@link #close} stops a context this engine created. Defaults for embedded runs: no web UI, driver
 * on 127.0.0.1, log level WARN; properties given to {@code spark-submit} win over them. Not
 * thread-safe: submit one job at a time.
 */
public final class SparkEngine implements AutoCloseable {
    private final JavaSparkContext jsc;
    private final boolean owned;
    private final int unitsPerPartition;

    private SparkEngine(JavaSparkContext jsc, boolean owned, int unitsPerPartition) {
        this.jsc = jsc;
        this.owned = owned;
        this.unitsPerPartition = unitsPerPartition;
    }

    /** Starts Spark with the given settings (null = defaults: embedded {@code local[*]}). */
    public static SparkEngine start(ConfigSparkEngine config) {
        ConfigSparkEngine c = config == null ? new ConfigSparkEngine() : config.copy();
        c.validate();
        if (c.isLocal()) {
            // before anything touches Spark: SparkConf's first log line initialises logging
            quietLogging();
        }
        SparkConf conf = sparkConf(c);
        SparkContext sc = SparkContext.getOrCreate(conf);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
        return new SparkEngine(jsc, true, c.unitsPerPartition);
    }

    /**
     * Uses a context owned by the caller (for example a test suite's shared context or a notebook
     * session); {@link #close} leaves it running.
     */
    public static SparkEngine wrap(JavaSparkContext context, int unitsPerPartition) {
        if (unitsPerPartition < 1) {
            throw new IllegalArgumentException(
                    "unitsPerPartition must be at least 1, got " + unitsPerPartition);
        }
        return new SparkEngine(context, false, unitsPerPartition);
    }

    /** The Spark properties for a config: spark-submit's win, then the config's, then defaults. */
    static SparkConf sparkConf(ConfigSparkEngine c) {
        // new SparkConf() loads the spark.* system properties, which is how spark-submit passes its
        // --master and --conf values; setIfMissing keeps those.
        SparkConf conf = new SparkConf();
        for (Map.Entry<String, String> e : c.sparkConf.entrySet()) {
            conf.setIfMissing(e.getKey(), e.getValue());
        }
        conf.setIfMissing("spark.master", c.master);
        conf.setIfMissing("spark.app.name", c.appName);
        if (c.isLocal()) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.ui.showConsoleProgress", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    /**
     * Embedded runs log errors only (Spark's own default prints pages of INFO lines), unless the
     * user configured log4j2 with {@code -Dlog4j2.configurationFile}.
     */
    private static void quietLogging() {
        if (System.getProperty("log4j2.configurationFile") != null) {
            return;
        }
        java.net.URL url = SparkEngine.class.getResource("log4j2-embedded.properties");
        if (url == null) {
            return;
        }
        System.setProperty("log4j2.configurationFile", url.toString());
        try {
            // log4j2 may already be running with Spark's defaults (an earlier session):
            // reconfigure.
            org.apache.logging.log4j.core.LoggerContext ctx =
                    (org.apache.logging.log4j.core.LoggerContext)
                            org.apache.logging.log4j.LogManager.getContext(false);
            ctx.setConfigLocation(url.toURI());
        } catch (java.net.URISyntaxException | ClassCastException e) {
            // another logging back end: leave it alone
        }
    }

    /** The Java Spark context (for jobs that need more than {@link #map}). */
    public JavaSparkContext context() {
        return jsc;
    }

    /** The master URL in use. */
    public String master() {
        return jsc.master();
    }

    /** Spark's default parallelism: cores of {@code local[N]}, or the executors' total cores. */
    public int defaultParallelism() {
        return jsc.defaultParallelism();
    }

    /**
     * Applies {@code task} to every unit on the executors and returns the results in unit order.
     * All results are held on the driver: use {@link #forEachOrdered} when they are large.
     *
     * @param units (Input) work units, small and serializable. Not modified.
     * @param task the per-unit function, serializable
     * @param progress one step per finished unit (reported as results arrive on the driver)
     * @throws IOException an {@code IOException} or {@code IllegalArgumentException} thrown by a
     *     task is rethrown as it is; other task failures become an IOException with Spark's message
     */
    public <U extends Serializable, R extends Serializable> List<R> map(
            List<U> units, UnitTask<U, R> task, ProgressListener progress) throws IOException {
        return map("spark", units, task, progress);
    }

    /** {@link #map(List, UnitTask, ProgressListener)} with a task name for the progress display. */
    public <U extends Serializable, R extends Serializable> List<R> map(
            String name, List<U> units, UnitTask<U, R> task, ProgressListener progress)
            throws IOException {
        List<R> out = new ArrayList<>(units.size());
        ProgressListener pl = progress == null ? ProgressListener.NONE : progress;
        pl.start(name, units.size());
        try {
            jsc.setJobDescription(name);
            List<Indexed<R>> res = rdd(units, task).collect();
            List<Indexed<R>> sorted = new ArrayList<>(res);
            sorted.sort(Comparator.comparingInt(Indexed::index));
            for (Indexed<R> r : sorted) {
                out.add(r.value());
            }
        } catch (Exception e) {
            // Spark rethrows task failures as the checked SparkException, undeclared.
            throw SparkFailures.unwrap(e);
        }
        pl.advance(units.size());
        pl.finish(units.size() + " units on " + jsc.master());
        return out;
    }

    /**
     * Applies {@code task} to every unit and streams the results to {@code sink} on the driver in
     * unit order, one partition at a time, so that the driver holds at most one partition's
     * results. Partitions are computed as a single Spark job first (in parallel), then fetched in
     * order.
     *
     * @param units (Input) work units. Not modified.
     * @param task the per-unit function
     * @param sink receives {@code (index, result)} in increasing index order
     * @param progress one step per unit delivered to the sink
     */
    public <U extends Serializable, R extends Serializable> void forEachOrdered(
            List<U> units, UnitTask<U, R> task, ResultSink<R> sink, ProgressListener progress)
            throws IOException {
        ProgressListener pl = progress == null ? ProgressListener.NONE : progress;
        pl.start("spark", units.size());
        JavaRDD<Indexed<R>> rdd = rdd(units, task);
        try {
            // Compute everything in one parallel job (cached where it fits), then fetch in order.
            rdd = rdd.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
            rdd.count();
            Iterator<Indexed<R>> it = rdd.toLocalIterator();
            int expected = 0;
            while (it.hasNext()) {
                Indexed<R> r = it.next();
                if (r.index() != expected) {
                    throw new IllegalStateException(
                            "result of unit " + r.index() + " arrived, expected unit " + expected);
                }
                sink.accept(r.index(), r.value());
                expected++;
                pl.advance(1);
            }
        } catch (Exception e) {
            // Spark rethrows task failures as the checked SparkException, undeclared.
            throw SparkFailures.unwrap(e);
        } finally {
            rdd.unpersist(false);
        }
        pl.finish(units.size() + " units on " + jsc.master());
    }

    private <U extends Serializable, R extends Serializable> JavaRDD<Indexed<R>> rdd(
            List<U> units, UnitTask<U, R> task) {
        List<Indexed<U>> indexed = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            indexed.add(new Indexed<>(i, units.get(i)));
        }
        int slices = Math.max(1, (units.size() + unitsPerPartition - 1) / unitsPerPartition);
        UnitTask<U, R> t = task;
        return jsc.parallelize(indexed, slices)
                .map(u -> new Indexed<>(u.index(), t.process(u.value())));
    }

    /** Stops the Spark context if this engine started it. */
    @Override
    public void close() {
        if (owned) {
            jsc.stop();
        }
    }
}
