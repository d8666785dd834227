package dev.surveyor.io;

import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterDataset;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An open raster file that can read any window without loading the whole file.
 *
 * <p>Windows are half-open: {@code [x0, x0 + w) x [y0, y0 + h)} in pixels, {@code x} = column.
 * Reading a window touches only the strips, tiles or rows that intersect it. Implementations are
 * safe for concurrent reads from several threads (positioned reads, no shared file pointer).
 */
public interface RasterSource extends Closeable {
    /** The file. */
    Path path();

    /** Short format name as {@code gdalinfo} prints it, e.g. {@code GTiff}, {@code ENVI}. */
    String formatName();

    int width();

    int height();

    int numBands();

    /** In-memory sample type of every band (CInt16 files read as {@link DataType#COMPLEX64}). */
    DataType dataType();

    /** Georeferencing, when the file has it. */
    Optional<GridGeometry> geometry();

    /** The no-data value, when the file declares one. */
    OptionalDouble noData();

    /** Format-specific metadata (e.g. ENVI header keys, TIFF layout), for {@code surveyor info}. */
    Map<String, String> metadata();

    /**
     * Reads one band's window.
     *
     * @param band 0-based band index
     * @throws IllegalArgumentException naming the window when it is not inside the raster
     * @throws dev.surveyor.core.raster.RasterFormatException when the file's data is damaged
     */
    Raster readBand(int band, int x0, int y0, int w, int h) throws IOException;

    /** Reads the window in every band. */
    default MultiBandRaster readWindow(int x0, int y0, int w, int h) throws IOException {
        Raster[] bands = new Raster[numBands()];
        for (int b = 0; b < bands.length; b++) {
            bands[b] = readBand(b, x0, y0, w, h);
        }
        return MultiBandRaster.of(bands);
    }

    /** Reads the whole file. */
    default RasterDataset readAll() throws IOException {
        return new RasterDataset(
                readWindow(0, 0, width(), height()), geometry().orElse(null), noData(), metadata());
    }

    /** Throws the standard error for a window outside the raster. */
    default void checkWindow(int x0, int y0, int w, int h) {
        if (x0 < 0
                || y0 < 0
                || w <= 0
                || h <= 0
                || (long) x0 + w > width()
                || (long) y0 + h > height()) {
            throw new IllegalArgumentException(
                    path().getFileName()
                            + ": window x0="
                            + x0
                            + " y0="
                            + y0
                            + " "
                            + w
                            + "x"
                            + h
                            + " is outside the "
                            + width()
                            + "x"
                            + height()
                            + " raster");
        }
    }
}
