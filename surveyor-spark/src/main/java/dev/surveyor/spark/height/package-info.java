/**
 * Height prediction on Spark: the windows of {@link
 * dev.surveyor.height.predict.TiledHeightPredictor} are predicted by Spark tasks (each reads its
 * own window and keeps a loaded model per executor thread) and blended on the driver in grid order,
 * so the GeoTIFF and preview equal those of {@link
 * dev.surveyor.height.io.HeightPipelines#predictFile} byte for byte.
 */
package dev.surveyor.spark.height;
