package dev.surveyor.height.io;

import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterU8;
import dev.surveyor.core.tile.StreamingTileStitcher;
import dev.surveyor.io.RasterSource;
import dev.surveyor.io.image.PngWriter;
import dev.surveyor.io.tiff.GeoTiffStreamWriter;
import dev.surveyor.io.tiff.GeoTiffWriteOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * Where a whole-scene height prediction goes, row by row: a float32 DEFLATE GeoTIFF (height in
 * metres, NaN = no data, declared as the no-data value) with the input's georeferencing, written
 * atomically on {@link #commit()}, and a colour-mapped PNG preview (0..previewMaxM, longest side at
 * most {@link HeightPipelines#PREVIEW_MAX_PX}, every {@code step}-th row and column). Shared by the
 * single-machine and the Spark prediction, so both write the same bytes.
 */
public final class HeightRasterOutput implements AutoCloseable {
    private final GeoTiffStreamWriter writer;
    private final Path preview;
    private final double previewMaxM;
    private final int width;
    private final int step;
    private final RasterU8[] rgb;

    private HeightRasterOutput(
            GeoTiffStreamWriter writer, Path preview, double previewMaxM, int width, int height) {
        this.writer = writer;
        this.preview = preview;
        this.previewMaxM = previewMaxM;
        this.width = width;
        this.step =
                Math.max(
                        1,
                        (Math.max(width, height) + HeightPipelines.PREVIEW_MAX_PX - 1)
                                / HeightPipelines.PREVIEW_MAX_PX);
        int pw = (width + step - 1) / step;
        int ph = (height + step - 1) / step;
        this.rgb =
                new RasterU8[] {new RasterU8(pw, ph), new RasterU8(pw, ph), new RasterU8(pw, ph)};
    }

    /**
     * Opens the output for a prediction of {@code src} (its size and georeferencing).
     *
     * @param preview PNG path, or null for none
     */
    public static HeightRasterOutput create(
            RasterSource src, Path out, Path preview, double previewMaxM) throws IOException {
        GeoTiffWriteOptions opt =
                new GeoTiffWriteOptions().compression(GeoTiffWriteOptions.Compression.DEFLATE, 3);
        GeoTiffStreamWriter wr =
                GeoTiffStreamWriter.create(
                        out,
                        src.width(),
                        src.height(),
                        1,
                        DataType.FLOAT32,
                        src.geometry().orElse(null),
                        OptionalDouble.of(Double.NaN),
                        opt);
        return new HeightRasterOutput(wr, preview, previewMaxM, src.width(), src.height());
    }

    /** The sink finished scene rows go to, in order. */
    public StreamingTileStitcher.RowSink rows() {
        return (row0, rows) -> {
            writer.writeRows(MultiBandRaster.of(rows.copy()));
            for (int y = 0; y < rows.height(); y++) {
                int sy = row0 + y;
                if (sy % step != 0) {
                    continue;
                }
                for (int x = 0; x < width; x += step) {
                    int[] c = ColorMaps.height(rows.get(x, y), previewMaxM);
                    for (int k = 0; k < 3; k++) {
                        rgb[k].set(x / step, sy / step, c[k]);
                    }
                }
            }
        };
    }

    /** Publishes the GeoTIFF (all rows must have been written) and writes the preview. */
    public void commit() throws IOException {
        writer.commit();
        if (preview != null) {
            PngWriter.write(RasterDataset.of(MultiBandRaster.of(rgb)), preview);
        }
    }

    /** Discards the GeoTIFF when it was not committed. */
    @Override
    public void close() throws IOException {
        writer.close();
    }
}
