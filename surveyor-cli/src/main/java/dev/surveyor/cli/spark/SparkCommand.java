package dev.surveyor.cli.spark;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code surveyor spark}: the pipelines on Apache Spark (embedded {@code local[*]} or a cluster).
 */
@Command(
        name = "spark",
        mixinStandardHelpOptions = true,
        description = {
            "Run the pipelines on Apache Spark: blocks/tiles become Spark tasks that read their own",
            "window; outputs are identical to the single-machine commands.",
            "Without --master Spark runs embedded on local[*]."
        },
        subcommands = {
            SparkPsCommand.class,
            SparkPredictCommand.class,
            SparkDetectCommand.class,
            CommandLine.HelpCommand.class
        })
public final class SparkCommand {}
