package dev.surveyor.core.tile;

/**
 * How a {@link TileGrid} places the last tile of a row or column at the scene's right/bottom edge.
 */
public enum EdgeMode {
    /**
     * The last tile is shifted inward so that it ends at the scene edge and keeps the full tile
     * size (it overlaps its neighbour by more than the overlap). Every tile has the same size, as
     * CNN inference wants. Only a scene smaller than one tile needs padding (see {@link
     * Tile#full()}).
     */
    SHIFT,
    /** Tiles keep the regular step; the last tile is cut at the scene edge and may be smaller. */
    PARTIAL
}
