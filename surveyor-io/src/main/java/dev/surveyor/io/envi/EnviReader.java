package dev.surveyor.io.envi;

import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.io.raw.RawLayout;
import dev.surveyor.io.raw.RawRasterSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Opens ENVI rasters as windowed {@link dev.surveyor.io.RasterSource}s (positioned reads, see
 * {@link RawRasterSource}).
 *
 * <p>Files are found as GDAL does: for data {@code x.img} the header is {@code x.hdr} or {@code
 * x.img.hdr}; for header {@code x.hdr} the data is {@code x} or {@code x} with one of the
 * extensions {@value #DATA_EXTENSIONS_DOC}. Either file may be passed to {@link #open}.
 *
 * <p>Reads {@code samples}, {@code lines}, {@code bands}, {@code data type} (1, 2, 3, 4, 5, 6, 9,
 * 12, 13, 14, 15; see {@link dev.surveyor.io.raw.SampleFormat} for how wide types convert), {@code
 * interleave}, {@code byte order}, {@code header offset}, {@code map info}/{@code coordinate system
 * string} ({@link EnviMapInfo}) and {@code data ignore value} (no-data); every key is also in
 * {@link dev.surveyor.io.RasterSource#metadata()}.
 */
public final class EnviReader {
    private EnviReader() {}

    static final String DATA_EXTENSIONS_DOC = ".img, .dat, .bin, .raw, .bsq, .bil, .bip";
    private static final String[] DATA_EXTENSIONS = {
        "", ".img", ".dat", ".bin", ".raw", ".bsq", ".bil", ".bip", ".IMG", ".DAT", ".BIN"
    };

    /**
     * Opens an ENVI raster given its header or its data file.
     *
     * @throws NoSuchFileException when the file, or the data file a header points to, is missing
     * @throws RasterFormatException naming the file and the key or size when the header is
     *     malformed or the data file's size disagrees with it
     */
    public static RawRasterSource open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        Path header;
        Path data;
        if (isHeaderName(file)) {
            header = file;
            data =
                    dataFor(file)
                            .orElseThrow(
                                    () ->
                                            new NoSuchFileException(
                                                    file.toString(),
                                                    null,
                                                    "no ENVI data file beside the header (looked for the"
                                                            + " same name without .hdr or with "
                                                            + DATA_EXTENSIONS_DOC
                                                            + ")"));
        } else {
            data = file;
            header =
                    headerFor(file)
                            .orElseThrow(
                                    () ->
                                            new RasterFormatException(
                                                    file,
                                                    "no ENVI header (.hdr) beside the data file"));
        }
        EnviHeader h = EnviHeader.read(header);
        RawLayout layout = h.layout();
        GridGeometry g = EnviMapInfo.read(h, layout.width(), layout.height()).orElse(null);
        OptionalDouble noData = h.noData();
        return RawRasterSource.open(data, layout, "ENVI", g, noData, h.entries());
    }

    /** Whether the file name ends with {@code .hdr} (any case). */
    public static boolean isHeaderName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".hdr");
    }

    /** The header beside a data file ({@code x.hdr} for {@code x.img}, or {@code x.img.hdr}). */
    public static Optional<Path> headerFor(Path data) {
        String name = data.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        for (String c : new String[] {base + ".hdr", base + ".HDR", name + ".hdr", name + ".HDR"}) {
            Path p = data.resolveSibling(c);
            if (!p.equals(data) && Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The data file beside a header ({@code x}, {@code x.img}, ...). */
    public static Optional<Path> dataFor(Path header) {
        String name = header.getFileName().toString();
        String base = name.substring(0, name.length() - 4);
        for (String ext : DATA_EXTENSIONS) {
            Path p = header.resolveSibling(base + ext);
            if (!base.isEmpty() && Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
