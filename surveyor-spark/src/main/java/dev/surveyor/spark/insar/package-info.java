/**
 * PS-InSAR on Spark: the passes of {@link dev.surveyor.insar.pipeline.PsPipeline} over row blocks
 * of the stack run as Spark tasks that read their block from the stack files themselves; the
 * results are bit-identical to the single-machine pipeline and written by the same {@link
 * dev.surveyor.insar.pipeline.PsOutputWriter}.
 */
package dev.surveyor.spark.insar;
