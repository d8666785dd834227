/**
 * Crater detection on Spark: batches of the overlapped windows of {@link
 * dev.surveyor.craters.model.TiledInference} run as Spark tasks (each reads its own windows and
 * keeps the network per executor thread); the driver merges the detections across seams exactly as
 * the single-machine detector does, so the crater lists are identical.
 */
package dev.surveyor.spark.craters;
