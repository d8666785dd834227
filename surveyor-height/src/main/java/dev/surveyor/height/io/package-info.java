/**
 * File-level height pipelines: predict a GeoTIFF (any size, streamed) into a float32 height GeoTIFF
 * with the input's georeferencing plus a colour-mapped PNG preview (a model trained with extra
 * co-registered views reads their files window by window with the image); evaluate a predicted
 * height raster against the truth into {@code metrics.json}, an error-map PNG and a scatter PNG.
 */
package dev.surveyor.height.io;
