package dev.surveyor.io.raw;

import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.core.raster.Rasters;
import dev.surveyor.io.RasterSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A {@link RasterSource} over a file laid out as a {@link RawLayout}, reading windows with
 * positioned reads (no shared file pointer, so concurrent reads from several threads are safe).
 *
 * <p>A window read touches only the byte ranges of its rows: when a window's row span covers at
 * least half of the distance between consecutive rows, several rows are fetched in one read of up
 * to {@value #BLOCK_BYTES} bytes; otherwise each row is read on its own. For BIP files {@link
 * #readWindow} decodes every band from one read.
 *
 * <p>The file size must equal {@link RawLayout#fileBytes()}; {@link #open} checks it.
 */
public final class RawRasterSource implements RasterSource {
    static final int BLOCK_BYTES = 4 << 20;

    private final Path path;
    private final FileChannel channel;
    private final RawLayout layout;
    private final String formatName;
    private final GridGeometry geometry;
    private final OptionalDouble noData;
    private final Map<String, String> metadata;

    private RawRasterSource(
            Path path,
            FileChannel channel,
            RawLayout layout,
            String formatName,
            GridGeometry geometry,
            OptionalDouble noData,
            Map<String, String> metadata) {
        this.path = path;
        this.channel = channel;
        this.layout = layout;
        this.formatName = formatName;
        this.geometry = geometry;
        this.noData = noData == null ? OptionalDouble.empty() : noData;
        this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * Opens {@code file} with the given layout and what a header said about it.
     *
     * @param formatName the name {@link #formatName()} reports ({@code "RAW"}, {@code "ENVI"})
     * @param geometry georeferencing, or {@code null}
     * @param noData no-data value, or empty
     * @param metadata header keys for {@code surveyor info}
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws RasterFormatException naming the file and both sizes when the file size is not {@link
     *     RawLayout#fileBytes()}
     */
    public static RawRasterSource open(
            Path file,
            RawLayout layout,
            String formatName,
            GridGeometry geometry,
            OptionalDouble noData,
            Map<String, String> metadata)
            throws IOException {
        if (geometry != null
                && (geometry.width() != layout.width() || geometry.height() != layout.height())) {
            throw new IllegalArgumentException(
                    "geometry is "
                            + geometry.width()
                            + "x"
                            + geometry.height()
                            + " but the layout is "
                            + layout.width()
                            + "x"
                            + layout.height());
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = ch.size();
            if (size != layout.fileBytes()) {
                throw new RasterFormatException(
                        file,
                        "file has "
                                + size
                                + " bytes but "
                                + layout.width()
                                + "x"
                                + layout.height()
                                + "x"
                                + layout.bands()
                                + " "
                                + layout.format().gdalName()
                                + " samples after a "
                                + layout.headerOffsetBytes()
                                + "-byte header need "
                                + layout.fileBytes()
                                + (size < layout.fileBytes() ? " (truncated)" : ""));
            }
            return new RawRasterSource(file, ch, layout, formatName, geometry, noData, metadata);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The layout. */
    public RawLayout layout() {
        return layout;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String formatName() {
        return formatName;
    }

    @Override
    public int width() {
        return layout.width();
    }

    @Override
    public int height() {
        return layout.height();
    }

    @Override
    public int numBands() {
        return layout.bands();
    }

    @Override
    public DataType dataType() {
        return layout.format().memoryType();
    }

    @Override
    public Optional<GridGeometry> geometry() {
        return Optional.ofNullable(geometry);
    }

    @Override
    public OptionalDouble noData() {
        return noData;
    }

    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public Raster readBand(int band, int x0, int y0, int w, int h) throws IOException {
        checkBand(band);
        checkWindow(x0, y0, w, h);
        Raster out = Rasters.create(dataType(), w, h);
        read(new int[] {band}, new Raster[] {out}, x0, y0, w, h);
        return out;
    }

    @Override
    public MultiBandRaster readWindow(int x0, int y0, int w, int h) throws IOException {
        checkWindow(x0, y0, w, h);
        int n = layout.bands();
        Raster[] out = new Raster[n];
        for (int b = 0; b < n; b++) {
            out[b] = Rasters.create(dataType(), w, h);
        }
        if (layout.interleave() == Interleave.BIP) {
            int[] bands = new int[n];
            for (int b = 0; b < n; b++) {
                bands[b] = b;
            }
            read(bands, out, x0, y0, w, h);
        } else {
            for (int b = 0; b < n; b++) {
                read(new int[] {b}, new Raster[] {out[b]}, x0, y0, w, h);
            }
        }
        return MultiBandRaster.of(out);
    }

    /**
     * Reads the window of the given bands. For BSQ/BIL exactly one band; for BIP any subset, which
     * shares one span read per row.
     */
    private void read(int[] bands, Raster[] out, int x0, int y0, int w, int h) throws IOException {
        int s = layout.format().bytesPerSample();
        boolean bip = layout.interleave() == Interleave.BIP && layout.bands() > 1;
        int nb = layout.bands();
        long spanL = bip ? (long) w * nb * s : (long) w * s;
        long firstBand = bip ? 0 : bands[0];
        long rowStride =
                layout.height() > 1
                        ? layout.byteOffset((int) firstBand, x0, 1)
                                - layout.byteOffset((int) firstBand, x0, 0)
                        : spanL;
        if (spanL > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(
                    path.getFileName() + ": a row of " + w + " pixels is too long for one read");
        }
        int span = (int) spanL;
        int rowsPerRead = 1;
        if (2 * spanL >= rowStride && rowStride > 0) {
            rowsPerRead = (int) Math.max(1, Math.min(h, (BLOCK_BYTES - spanL) / rowStride + 1));
        }
        int bufBytes =
                (int) Math.min(Integer.MAX_VALUE - 16, (rowsPerRead - 1) * rowStride + spanL);
        ByteBuffer buf = ByteBuffer.allocate(bufBytes).order(layout.byteOrder());
        int step = bip ? nb * s : s;
        for (int y = 0; y < h; y += rowsPerRead) {
            int k = Math.min(rowsPerRead, h - y);
            long start = layout.byteOffset((int) firstBand, x0, y0 + y);
            int len = (int) ((k - 1) * rowStride + span);
            readFully(buf, start, len);
            for (int r = 0; r < k; r++) {
                int base = (int) (r * rowStride);
                for (int i = 0; i < bands.length; i++) {
                    int pos = base + (bip ? bands[i] * s : 0);
                    SampleCodec.decodeRow(layout.format(), buf, pos, step, w, out[i], y + r);
                }
            }
        }
    }

    private void readFully(ByteBuffer buf, long position, int len) throws IOException {
        buf.clear().limit(len);
        long p = position;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, p);
            if (n < 0) {
                throw new RasterFormatException(
                        path,
                        "unexpected end of file at byte "
                                + p
                                + " (needed "
                                + (position + len)
                                + "; was the file truncated while open?)");
            }
            p += n;
        }
    }

    private void checkBand(int band) {
        if (band < 0 || band >= layout.bands()) {
            throw new IllegalArgumentException(
                    path.getFileName()
                            + ": band index "
                            + band
                            + " is outside 0.."
                            + (layout.bands() - 1));
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return formatName + "[" + path.getFileName() + " " + layout + "]";
    }
}
