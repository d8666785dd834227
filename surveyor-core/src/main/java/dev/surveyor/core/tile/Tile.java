package dev.surveyor.core.tile;

/**
 * One tile of a {@link TileGrid}, in scene pixel coordinates (half-open windows).
 *
 * <p>{@link #read} is what to read from the scene: the tile with its overlap (halo), clipped to the
 * scene. {@link #core} is the part the tile owns: the cores of a grid partition the scene exactly
 * (every pixel belongs to one core), their borders lie in the middle of the overlaps, and {@code
 * read.contains(core)}. {@link #full} is the nominal tile: equal to {@code read} except in {@link
 * EdgeMode#SHIFT} mode when the scene is narrower or shorter than one tile, where {@code full}
 * keeps the tile size and extends past the scene's right/bottom edge. Then a model input is made by
 * placing the {@code read} pixels at the top-left (offset 0, 0, since {@code full.x0 == read.x0}
 * and {@code full.y0 == read.y0}) of a {@code full}-sized buffer and padding the {@link
 * #padRightPx} columns and {@link #padBottomPx} rows (zeros, reflection: the caller's choice).
 *
 * @param index row-major index {@code row * numCols + col}
 * @param col tile column
 * @param row tile row
 * @param full nominal tile window (may extend past the scene, see above)
 * @param read window to read, inside the scene
 * @param core window owned, inside {@code read}
 */
public record Tile(int index, int col, int row, Window full, Window read, Window core) {
    /** Columns of padding right of the scene ({@code full.x1 - read.x1}). */
    public int padRightPx() {
        return full.x1() - read.x1();
    }

    /** Rows of padding below the scene ({@code full.y1 - read.y1}). */
    public int padBottomPx() {
        return full.y1() - read.y1();
    }
}
