package dev.surveyor.core.tile;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;

/** Settings for {@link TileGrid}. */
public class ConfigTileGrid implements Config {
    /** Tile width and height in pixels (a CNN input size). Default 512. */
    public int tileSizePx = 512;

    /**
     * Pixels shared by two neighbouring tiles (the halo on both sides together); in {@code [0,
     * tileSizePx)}. Each core keeps about half of it as context on inner sides. Default 64.
     */
    public int overlapPx = 64;

    /** Placement of the last tile at the right/bottom edge. Default {@link EdgeMode#SHIFT}. */
    public EdgeMode edge = EdgeMode.SHIFT;

    public ConfigTileGrid() {}

    public ConfigTileGrid(int tileSizePx, int overlapPx, EdgeMode edge) {
        this.tileSizePx = tileSizePx;
        this.overlapPx = overlapPx;
        this.edge = edge;
    }

    @Override
    public void validate() {
        Checks.positive("tileSizePx", tileSizePx);
        Checks.inRange("overlapPx", overlapPx, 0, tileSizePx - 1);
        Checks.notNull("edge", edge);
    }

    public ConfigTileGrid copy() {
        return new ConfigTileGrid(tileSizePx, overlapPx, edge);
    }
}
