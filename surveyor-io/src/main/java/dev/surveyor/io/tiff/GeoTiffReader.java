package dev.surveyor.io.tiff;

import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.core.raster.Rasters;
import dev.surveyor.io.RasterSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads GeoTIFF files: classic TIFF and BigTIFF, little- and big-endian; uint8, int16, uint16,
 * float32 and complex CInt16/CFloat32 samples (int8, int32, uint32, float64, CInt32 and CFloat64
 * are widened, see {@link #dataType()}); 1..N bands, chunky or planar; strips or tiles; no
 * compression, LZW, DEFLATE or PackBits with predictor 1, 2 or 3. Only the first image (IFD) is
 * read.
 *
 * <p>Windows ({@link #readBand}, {@link #readWindow}) decode only the strips or tiles that
 * intersect them, using positioned reads; large windows decode their blocks in parallel on the
 * common fork-join pool. Instances are safe for concurrent reads. Uncompressed files are read row
 * span by row span, so a window of a huge single-strip file reads only the window's bytes.
 *
 * <p>Georeferencing comes from ModelPixelScale + ModelTiepoint or ModelTransformation, the CRS from
 * ProjectedCSTypeGeoKey / GeographicTypeGeoKey (EPSG), the pixel anchor from GTRasterTypeGeoKey
 * (see {@link GeoKeys}); no-data from GDAL_NODATA. {@link #metadata()} describes the layout under
 * the keys {@code COMPRESSION}, {@code PREDICTOR}, {@code LAYOUT} (STRIPS or TILED), {@code
 * BLOCK_SIZE} (WxH), {@code INTERLEAVE} (PIXEL or BAND), {@code BIGTIFF} (YES or NO), {@code
 * BYTE_ORDER} and {@code SAMPLE_TYPE} (the type on disk, e.g. CInt16).
 *
 * <p>Damaged files give {@link RasterFormatException} naming the file and the value.
 */
public final class GeoTiffReader implements RasterSource {
    private static final Pattern GDAL_ITEM =
            Pattern.compile("<Item\\s+name=\"([^\"]+)\"\\s*>([^<]*)</Item>");

    private final Path path;
    private final FileChannel channel;
    private final TiffLayout layout;
    private final GridGeometry geometry;
    private final OptionalDouble noData;
    private final Map<String, String> metadata;
    private final BlockCodec codec = new BlockCodec();

    private GeoTiffReader(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        TiffDirectory dir = TiffDirectory.read(path, channel);
        this.layout = TiffLayout.of(dir);
        GeoKeys.Parsed geo = GeoKeys.read(dir, layout.width, layout.height);
        this.geometry = geo.geometry();
        String nd = dir.ascii(TiffTags.GDAL_NODATA);
        this.noData =
                nd == null || nd.isBlank()
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(parseNoData(nd));
        Map<String, String> m = new LinkedHashMap<>();
        m.put("COMPRESSION", layout.compressionName());
        m.put("PREDICTOR", String.valueOf(layout.predictor));
        m.put("LAYOUT", layout.tiled ? "TILED" : "STRIPS");
        m.put("BLOCK_SIZE", layout.blockWidth + "x" + layout.blockHeight);
        m.put("INTERLEAVE", layout.planar ? "BAND" : "PIXEL");
        m.put("BIGTIFF", layout.bigTiff ? "YES" : "NO");
        m.put("BYTE_ORDER", layout.order.toString());
        m.put("SAMPLE_TYPE", layout.kind.gdalName);
        String gm = dir.ascii(TiffTags.GDAL_METADATA);
        if (gm != null) {
            Matcher mt = GDAL_ITEM.matcher(gm);
            while (mt.find()) {
                m.putIfAbsent(mt.group(1), mt.group(2));
            }
        }
        m.putAll(geo.keys());
        this.metadata = Collections.unmodifiableMap(m);
    }

    /**
     * Opens a GeoTIFF file and reads its header and first directory.
     *
     * @throws RasterFormatException naming the file and value when it is not a readable TIFF
     */
    public static GeoTiffReader open(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new GeoTiffReader(path, ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                throw new RasterFormatException(path, e.getMessage(), e);
            }
            throw e;
        }
    }

    private double parseNoData(String s) throws RasterFormatException {
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            return switch (t) {
                case "nan", "-nan" -> Double.NaN;
                case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
                case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(t);
            };
        } catch (NumberFormatException e) {
            throw new RasterFormatException(path, "GDAL_NODATA '" + s + "' is not a number");
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String formatName() {
        return "GTiff";
    }

    @Override
    public int width() {
        return layout.width;
    }

    @Override
    public int height() {
        return layout.height;
    }

    @Override
    public int numBands() {
        return layout.samplesPerPixel;
    }

    /**
     * The in-memory type: as on disk for Byte, Int16, UInt16, Float32 and CFloat32; CInt16, CInt32
     * and CFloat64 become COMPLEX64; Int8 becomes INT16; UInt32, Int32 and Float64 become FLOAT32.
     */
    @Override
    public DataType dataType() {
        return layout.kind.memoryType;
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
        if (band < 0 || band >= numBands()) {
            throw new IllegalArgumentException(
                    path.getFileName()
                            + ": band "
                            + band
                            + " does not exist (the file has "
                            + numBands()
                            + " bands, 0-based)");
        }
        checkWindow(x0, y0, w, h);
        Raster[] out = new Raster[numBands()];
        out[band] = Rasters.create(dataType(), w, h);
        read(x0, y0, w, h, out);
        return out[band];
    }

    @Override
    public MultiBandRaster readWindow(int x0, int y0, int w, int h) throws IOException {
        checkWindow(x0, y0, w, h);
        Raster[] out = new Raster[numBands()];
        for (int b = 0; b < out.length; b++) {
            out[b] = Rasters.create(dataType(), w, h);
        }
        read(x0, y0, w, h, out);
        return MultiBandRaster.of(out);
    }

    /** One block to decode: block column, row and plane. */
    private record Task(int bx, int by, int plane) {}

    /** Largest run of adjacent compressed blocks fetched with one read. */
    private static final long MAX_GROUP_BYTES = 4L << 20;

    /** Fills the non-null rasters of {@code out} (indexed by band) with the window. */
    private void read(int x0, int y0, int w, int h, Raster[] out) throws IOException {
        TiffLayout L = layout;
        int bx0 = x0 / L.blockWidth;
        int bx1 = (x0 + w - 1) / L.blockWidth;
        int by0 = y0 / L.blockHeight;
        int by1 = (y0 + h - 1) / L.blockHeight;
        List<Task> tasks = new ArrayList<>();
        for (int plane = 0; plane < (L.planar ? out.length : 1); plane++) {
            if (L.planar && out[plane] == null) {
                continue;
            }
            for (int by = by0; by <= by1; by++) {
                for (int bx = bx0; bx <= bx1; bx++) {
                    tasks.add(new Task(bx, by, plane));
                }
            }
        }
        // compressed blocks that follow each other in the file are fetched with one read
        long total = 0;
        for (Task t : tasks) {
            total += L.byteCounts[L.blockIndex(t.bx, t.by, t.plane)];
        }
        int threads = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1;
        long groupLimit = Math.max(1, Math.min(MAX_GROUP_BYTES, total / (4L * threads)));
        List<List<Task>> groups = new ArrayList<>();
        List<Task> cur = new ArrayList<>();
        long curBytes = 0;
        long curEnd = -1;
        for (Task t : tasks) {
            int idx = L.blockIndex(t.bx, t.by, t.plane);
            long off = L.offsets[idx];
            long cnt = L.byteCounts[idx];
            boolean adjacent = L.compression != 1 && cnt > 0 && off == curEnd;
            if (!cur.isEmpty() && (!adjacent || curBytes + cnt > groupLimit)) {
                groups.add(cur);
                cur = new ArrayList<>();
                curBytes = 0;
            }
            cur.add(t);
            curBytes += cnt;
            curEnd = cnt > 0 ? off + cnt : -1;
        }
        if (!cur.isEmpty()) {
            groups.add(cur);
        }
        boolean parallel = groups.size() > 1 && (long) w * h >= (1 << 16);
        try {
            (parallel ? groups.parallelStream() : groups.stream())
                    .forEach(
                            g -> {
                                try {
                                    readGroup(g, x0, y0, w, h, out);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Reads a run of blocks lying back to back in the file (one read), then decodes each. */
    private void readGroup(List<Task> g, int x0, int y0, int w, int h, Raster[] out)
            throws IOException {
        TiffLayout L = layout;
        if (L.compression == 1 || g.size() == 1) {
            for (Task t : g) {
                readBlock(t, null, 0, null, x0, y0, w, h, out);
            }
            return;
        }
        Task first = g.get(0);
        Task last = g.get(g.size() - 1);
        long start = L.offsets[L.blockIndex(first.bx, first.by, first.plane)];
        int li = L.blockIndex(last.bx, last.by, last.plane);
        long end = L.offsets[li] + L.byteCounts[li];
        byte[] src = new byte[(int) (end - start)];
        TiffDirectory.readFully(path, channel, ByteBuffer.wrap(src), start);
        byte[] scratch = null;
        for (Task t : g) {
            int idx = L.blockIndex(t.bx, t.by, t.plane);
            scratch = readBlock(t, src, (int) (L.offsets[idx] - start), scratch, x0, y0, w, h, out);
        }
    }

    /**
     * Decodes one block and copies its part of the window into {@code out}.
     *
     * @param src compressed bytes already read (with the block at {@code srcOff}), or null to read
     * @param scratch a decode buffer to reuse, or null
     * @return the decode buffer, for reuse
     */
    private byte[] readBlock(
            Task t,
            byte[] src,
            int srcOff,
            byte[] scratch,
            int x0,
            int y0,
            int w,
            int h,
            Raster[] out)
            throws IOException {
        TiffLayout L = layout;
        int bw = L.blockWidth;
        int bh = L.blockHeight;
        // intersection in image coordinates
        int gx0 = Math.max(x0, t.bx * bw);
        int gx1 = Math.min(Math.min(x0 + w, (t.bx + 1) * bw), L.width);
        int gy0 = Math.max(y0, t.by * bh);
        int gy1 = Math.min(Math.min(y0 + h, (t.by + 1) * bh), L.height);
        int c0 = gx0 - t.bx * bw;
        int c1 = gx1 - t.bx * bw;
        int r0 = gy0 - t.by * bh;
        int r1 = gy1 - t.by * bh;
        int idx = L.blockIndex(t.bx, t.by, t.plane);
        long offset = L.offsets[idx];
        long count = L.byteCounts[idx];
        int spb = L.samplesInBlock();
        int sb = L.kind.bytes;
        if (count == 0) {
            fillSparse(t, out, gx0 - x0, gy0 - y0, gx1 - gx0, gy1 - gy0);
            return scratch;
        }
        if (L.compression == 1) {
            readUncompressed(t, offset, c0, c1, r0, r1, gx0 - x0, gy0 - y0, out);
            return scratch;
        }
        int rows = L.storedRows(t.by);
        long need = (long) rows * L.rowBytes();
        if (need > count * BlockCodec.maxRatio(L.compression) + 1024) {
            throw new RasterFormatException(
                    path,
                    blockName(idx)
                            + " holds "
                            + count
                            + " compressed bytes, too few for "
                            + need
                            + " decoded bytes ("
                            + L.compressionName()
                            + ")");
        }
        if (src == null) {
            src = new byte[(int) count];
            srcOff = 0;
            TiffDirectory.readFully(path, channel, ByteBuffer.wrap(src), offset);
        }
        byte[] buf = scratch != null && scratch.length == need ? scratch : new byte[(int) need];
        int n;
        try {
            n = codec.decode(L.compression, src, srcOff, (int) count, buf);
        } catch (IllegalStateException e) {
            throw new RasterFormatException(path, blockName(idx) + ": " + e.getMessage(), e);
        }
        if (n < need) {
            throw new RasterFormatException(
                    path,
                    blockName(idx)
                            + " decodes to "
                            + n
                            + " bytes, expected "
                            + need
                            + " ("
                            + L.compressionName()
                            + " data truncated or corrupt)");
        }
        Predictors.decode(L.predictor, buf, rows, bw * spb, spb, L.kind.wordSize(), L.order);
        if (L.predictor == 2
                && L.kind.memoryType.isComplex()
                && L.order == java.nio.ByteOrder.BIG_ENDIAN) {
            Predictors.swapHalves(buf, buf.length, L.kind.bytes);
        }
        ByteBuffer bb = Samples.wrap(buf, L.order);
        int step = spb * sb;
        int cw = c1 - c0;
        for (int b = 0; b < out.length; b++) {
            Raster dst = out[b];
            if (dst == null || (L.planar && b != t.plane)) {
                continue;
            }
            int s = L.planar ? 0 : b;
            for (int r = r0; r < r1; r++) {
                int pos = (r * bw + c0) * step + s * sb;
                Samples.toRaster(L.kind, bb, pos, step, cw, dst, gx0 - x0, gy0 + (r - r0) - y0);
            }
        }
        return buf;
    }

    /** Largest buffer used to read uncompressed rows (bigger windows are read in row chunks). */
    private static final long MAX_RAW_CHUNK_BYTES = 16L << 20;

    /**
     * Reads columns {@code [c0, c1)} of rows {@code [r0, r1)} of an uncompressed block (block-local
     * coordinates) and copies them into {@code out} at {@code (dx, dy)}: only those bytes are read,
     * in chunks of rows.
     */
    private void readUncompressed(
            Task t, long offset, int c0, int c1, int r0, int r1, int dx, int dy, Raster[] out)
            throws IOException {
        TiffLayout L = layout;
        int spb = L.samplesInBlock();
        int sb = L.kind.bytes;
        long pixBytes = (long) spb * sb;
        long blockRowBytes = L.rowBytes();
        int cw = c1 - c0;
        long span = cw * pixBytes;
        if (span > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(
                    path.getFileName() + ": a window row of " + span + " bytes is too large");
        }
        int spanBytes = (int) span;
        int chunkRows = (int) Math.max(1, Math.min(r1 - r0, MAX_RAW_CHUNK_BYTES / spanBytes));
        byte[] buf = new byte[spanBytes * chunkRows];
        int step = spb * sb;
        for (int q0 = r0; q0 < r1; q0 += chunkRows) {
            int q1 = Math.min(r1, q0 + chunkRows);
            ByteBuffer raw = ByteBuffer.wrap(buf, 0, spanBytes * (q1 - q0));
            if (c0 == 0 && c1 == L.blockWidth) {
                TiffDirectory.readFully(path, channel, raw, offset + q0 * blockRowBytes);
            } else {
                for (int r = q0; r < q1; r++) {
                    raw.limit(raw.position() + spanBytes);
                    TiffDirectory.readFully(
                            path, channel, raw, offset + r * blockRowBytes + c0 * pixBytes);
                }
            }
            ByteBuffer bb = Samples.wrap(buf, L.order);
            for (int b = 0; b < out.length; b++) {
                Raster dst = out[b];
                if (dst == null || (L.planar && b != t.plane)) {
                    continue;
                }
                int s = L.planar ? 0 : b;
                for (int r = q0; r < q1; r++) {
                    int pos = (r - q0) * spanBytes + s * sb;
                    Samples.toRaster(L.kind, bb, pos, step, cw, dst, dx, dy + (r - r0));
                }
            }
        }
    }

    private void fillSparse(Task t, Raster[] out, int dx, int dy, int cw, int ch) {
        if (noData.isEmpty() || noData.getAsDouble() == 0) {
            return; // rasters start zero-filled
        }
        double v = noData.getAsDouble();
        for (int b = 0; b < out.length; b++) {
            if (out[b] == null || (layout.planar && b != t.plane)) {
                continue;
            }
            for (int y = dy; y < dy + ch; y++) {
                for (int x = dx; x < dx + cw; x++) {
                    out[b].unsafeSetDouble(x, y, v);
                }
            }
        }
    }

    private String blockName(int idx) {
        return (layout.tiled ? "tile " : "strip ") + idx;
    }

    @Override
    public void close() throws IOException {
        codec.close();
        channel.close();
    }

    @Override
    public String toString() {
        return "GeoTiffReader["
                + path.getFileName()
                + " "
                + width()
                + "x"
                + height()
                + "x"
                + numBands()
                + " "
                + layout.kind.gdalName
                + "]";
    }
}
