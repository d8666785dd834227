/**
 * Command-line options and commands for running the pipelines on Apache Spark: the {@link
 * dev.surveyor.cli.spark.EngineOptions} mixin ({@code --engine local|spark}, {@code --master},
 * {@code --spark-conf}) for the analysis commands.
 */
package dev.surveyor.cli.spark;
