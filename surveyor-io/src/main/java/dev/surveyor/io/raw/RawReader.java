package dev.surveyor.io.raw;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;

/** Opens headerless binary rasters. */
public final class RawReader {
    private RawReader() {}

    /**
     * Opens {@code file} laid out as {@code layout} (no georeferencing, no no-data).
     *
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws dev.surveyor.core.raster.RasterFormatException naming the file and both sizes when
     *     the file size is not what the layout implies
     */
    public static RawRasterSource open(Path file, RawLayout layout) throws IOException {
        return RawRasterSource.open(
                file,
                layout,
                "RAW",
                null,
                OptionalDouble.empty(),
                Map.of(
                        "samples", Integer.toString(layout.width()),
                        "lines", Integer.toString(layout.height()),
                        "bands", Integer.toString(layout.bands()),
                        "sample format", layout.format().gdalName(),
                        "byte order", layout.byteOrder().toString(),
                        "interleave", layout.interleave().name(),
                        "header offset", Long.toString(layout.headerOffsetBytes())));
    }
}
