/**
 * Cutting scenes into overlapping tiles and putting results back together: {@link
 * dev.surveyor.core.tile.TileGrid} (tiles with halo and an exact partition of the scene into "core"
 * windows), {@link dev.surveyor.core.tile.TileStitcher} and {@link
 * dev.surveyor.core.tile.StreamingTileStitcher} (weighted blending of per-tile float predictions),
 * and {@link dev.surveyor.core.tile.DetectionMerger} (point detections found twice in overlaps).
 *
 * <p>Conventions: windows are half-open {@code [x0, x1) x [y0, y1)} in integer scene pixels, {@code
 * x} = column, {@code y} = row; detections use continuous corner-based pixel coordinates (the
 * centre of pixel {@code (i, j)} is {@code (i + 0.5, j + 0.5)}).
 */
package dev.surveyor.core.tile;
