/**
 * Runs the surveyor pipelines on Apache Spark: a generic {@link dev.surveyor.spark.SparkEngine}
 * that maps a serializable per-unit function over serializable work units (tile or block windows
 * plus a config and input paths that every executor can read) and returns the results in unit
 * order, and the jobs built on it (PS estimation, crater detection, height prediction) whose
 * outputs equal the single-machine outputs bit for bit.
 *
 * <p>Spark is a {@code provided} dependency: the classes here need Spark on the class path at run
 * time (the {@code surveyor} CLI ships it; {@code spark-submit} provides it on a cluster). Nothing
 * else in the project imports this package.
 */
package dev.surveyor.spark;
