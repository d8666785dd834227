package dev.surveyor.io.tiff;

import dev.surveyor.core.geo.GeoTransform;
import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * Writes one TIFF image into a channel block row by block row: header first, then the blocks as
 * they come (encoded in parallel within a block row), then the IFD with the GeoTIFF tags at the
 * end, and finally the header's IFD offset. Not thread-safe.
 */
final class TiffEncoder {
    private final FileChannel ch;
    private final int width;
    private final int height;
    private final int bands;
    private final SampleKind kind;
    private final GridGeometry geometry;
    private final OptionalDouble noData;
    private final GeoTiffWriteOptions opt;
    private final ByteOrder order;
    private final boolean big;
    private final int compression;
    private final int predictor;
    final int blockWidth;
    final int blockHeight;
    private final int blocksAcross;
    private final int blocksDown;
    private final int planes;
    private final long[] offsets;
    private final long[] counts;
    private long pos;
    private int nextBlockRow;

    TiffEncoder(
            FileChannel ch,
            int width,
            int height,
            int bands,
            DataType type,
            GridGeometry geometry,
            OptionalDouble noData,
            GeoTiffWriteOptions options)
            throws IOException {
        options.validate();
        if (width <= 0 || height <= 0 || bands <= 0 || bands > 65535) {
            throw new IllegalArgumentException(
                    "cannot write a " + width + "x" + height + " raster with " + bands + " bands");
        }
        if (geometry != null && (geometry.width() != width || geometry.height() != height)) {
            throw new IllegalArgumentException(
                    "grid geometry is "
                            + geometry.width()
                            + "x"
                            + geometry.height()
                            + " but the raster is "
                            + width
                            + "x"
                            + height);
        }
        this.ch = ch;
        this.width = width;
        this.height = height;
        this.bands = bands;
        this.kind = SampleKind.forWrite(type, options.complexInt16);
        this.geometry = geometry;
        this.noData = noData == null ? OptionalDouble.empty() : noData;
        this.opt = options.copy();
        this.order = opt.bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        this.compression = opt.compression.code;
        this.predictor = compression == 1 ? 1 : opt.predictor;
        if (predictor == 3 && kind.sampleFormat != 3) {
            throw new IllegalArgumentException(
                    "predictor 3 (floating point) needs float32 data, got " + type);
        }
        if (predictor == 2 && kind.sampleFormat == 3) {
            throw new IllegalArgumentException(
                    "predictor 2 (horizontal differencing) needs integer data, got "
                            + type
                            + "; use predictor 3");
        }
        this.planes = opt.planar ? bands : 1;
        int spb = opt.planar ? 1 : bands;
        if (opt.tiled) {
            blockWidth = opt.tileWidthPx;
            blockHeight = opt.tileHeightPx;
        } else {
            blockWidth = width;
            long rowBytes = (long) width * spb * kind.bytes;
            int rps = opt.rowsPerStrip > 0 ? opt.rowsPerStrip : (int) Math.max(1, 65536 / rowBytes);
            blockHeight = Math.min(rps, height);
        }
        if ((long) blockWidth * blockHeight * spb * kind.bytes > TiffLayout.MAX_BLOCK_BYTES) {
            throw new IllegalArgumentException(
                    "blocks of " + blockWidth + "x" + blockHeight + " pixels are too large");
        }
        blocksAcross = (width + blockWidth - 1) / blockWidth;
        blocksDown = (height + blockHeight - 1) / blockHeight;
        long nBlocks = (long) blocksAcross * blocksDown * planes;
        if (nBlocks > (1 << 27)) {
            throw new IllegalArgumentException(
                    "too many blocks (" + nBlocks + "); use larger blocks");
        }
        offsets = new long[(int) nBlocks];
        counts = new long[(int) nBlocks];
        long raw = (long) width * height * bands * kind.bytes;
        double factor = compression == 1 ? 1.0 : 1.5;
        big =
                switch (opt.bigTiff) {
                    case YES -> true;
                    case NO -> false;
                    case AUTO -> raw * factor + nBlocks * 16 + (1 << 20) > 0xFFFFFFFFL;
                };
        ByteBuffer head = ByteBuffer.allocate(big ? 16 : 8).order(order);
        head.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        head.put(head.get(0));
        if (big) {
            head.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(0);
        } else {
            head.putShort((short) 42).putInt(0);
        }
        head.flip();
        writeAt(head, 0);
        pos = head.capacity();
    }

    /** Rows in block row {@code by}. */
    int rowsIn(int by) {
        return Math.min(blockHeight, height - by * blockHeight);
    }

    int blocksDown() {
        return blocksDown;
    }

    /**
     * Encodes (in parallel) and writes the next block rows.
     *
     * @param rows (Input) all bands, {@code width} columns, and the rows of one or more whole block
     *     rows starting at the first block row not yet written. Not modified.
     */
    void writeBlockRows(MultiBandRaster rows) throws IOException {
        int by0 = nextBlockRow;
        int k = 0;
        int covered = 0;
        while (by0 + k < blocksDown && covered < rows.height()) {
            covered += rowsIn(by0 + k);
            k++;
        }
        if (k == 0
                || covered != rows.height()
                || rows.width() != width
                || rows.numBands() != bands) {
            throw new IllegalArgumentException(
                    "expected whole block rows of "
                            + width
                            + " columns and "
                            + bands
                            + " bands starting at row "
                            + by0 * blockHeight
                            + ", got "
                            + rows.width()
                            + "x"
                            + rows.height()
                            + " with "
                            + rows.numBands()
                            + " bands");
        }
        int perRow = blocksAcross * planes;
        int n = k * perRow;
        byte[][] enc = new byte[n][];
        IntStream range = IntStream.range(0, n);
        if (n > 1) {
            range = range.parallel();
        }
        range.forEach(
                i -> {
                    int r = i / perRow;
                    int j = i % perRow;
                    int by = by0 + r;
                    MultiBandRaster sub =
                            rows.subView(0, (by - by0) * blockHeight, width, rowsIn(by));
                    enc[i] = encodeBlock(sub, j % blocksAcross, j / blocksAcross, by);
                });
        for (int i = 0; i < n; i++) {
            int by = by0 + i / perRow;
            int j = i % perRow;
            int idx = ((j / blocksAcross) * blocksDown + by) * blocksAcross + j % blocksAcross;
            offsets[idx] = pos;
            counts[idx] = enc[i].length;
            writeAt(ByteBuffer.wrap(enc[i]), pos);
            pos += enc[i].length;
        }
        nextBlockRow += k;
    }

    /** How many whole block rows from {@code by} make a batch of about {@code bytes} raw bytes. */
    int batchBlockRows(int by, long bytes) {
        long rowBytes = (long) width * bands * kind.bytes * blockHeight;
        int k = (int) Math.max(1, Math.min(blocksDown - by, bytes / Math.max(1, rowBytes)));
        return k;
    }

    /** Rows in block rows {@code [by, by + k)}. */
    int rowsIn(int by, int k) {
        return Math.min(height, (by + k) * blockHeight) - by * blockHeight;
    }

    private byte[] encodeBlock(MultiBandRaster rows, int bx, int plane, int by) {
        int spb = opt.planar ? 1 : bands;
        int sb = kind.bytes;
        int step = spb * sb;
        int bh = opt.tiled ? blockHeight : rowsIn(by);
        int rowBytes = blockWidth * step;
        byte[] buf = new byte[rowBytes * bh];
        ByteBuffer bb = Samples.wrap(buf, order);
        int x0 = bx * blockWidth;
        int cw = Math.min(blockWidth, width - x0);
        int ch = rows.height();
        for (int s = 0; s < spb; s++) {
            int band = opt.planar ? plane : s;
            for (int r = 0; r < ch; r++) {
                Samples.fromRaster(
                        kind, rows.band(band), x0, r, cw, bb, r * rowBytes + s * sb, step);
            }
        }
        if (predictor == 2 && kind.memoryType.isComplex() && order == ByteOrder.BIG_ENDIAN) {
            Predictors.swapHalves(buf, buf.length, kind.bytes); // as GDAL does, see Predictors
        }
        Predictors.encode(predictor, buf, bh, blockWidth * spb, spb, kind.wordSize(), order);
        return BlockCodec.encode(compression, buf, buf.length, rowBytes, opt.deflateLevel);
    }

    /** Writes the IFD and patches the header; every block row must have been written. */
    void finish() throws IOException {
        if (nextBlockRow != blocksDown) {
            throw new IllegalStateException(
                    "only " + nextBlockRow + " of " + blocksDown + " block rows were written");
        }
        List<Field> f = new ArrayList<>();
        f.add(longsField(TiffTags.IMAGE_WIDTH, TiffTags.LONG, width));
        f.add(longsField(TiffTags.IMAGE_LENGTH, TiffTags.LONG, height));
        f.add(longsField(TiffTags.BITS_PER_SAMPLE, TiffTags.SHORT, repeat(kind.bytes * 8, bands)));
        f.add(longsField(TiffTags.COMPRESSION, TiffTags.SHORT, compression));
        f.add(longsField(TiffTags.PHOTOMETRIC, TiffTags.SHORT, 1));
        f.add(longsField(TiffTags.SAMPLES_PER_PIXEL, TiffTags.SHORT, bands));
        f.add(longsField(TiffTags.PLANAR_CONFIGURATION, TiffTags.SHORT, opt.planar ? 2 : 1));
        if (predictor != 1) {
            f.add(longsField(TiffTags.PREDICTOR, TiffTags.SHORT, predictor));
        }
        int offType = big ? TiffTags.LONG8 : TiffTags.LONG;
        if (opt.tiled) {
            f.add(longsField(TiffTags.TILE_WIDTH, TiffTags.LONG, blockWidth));
            f.add(longsField(TiffTags.TILE_LENGTH, TiffTags.LONG, blockHeight));
            f.add(longsField(TiffTags.TILE_OFFSETS, offType, offsets));
            f.add(longsField(TiffTags.TILE_BYTE_COUNTS, offType, counts));
        } else {
            f.add(longsField(TiffTags.ROWS_PER_STRIP, TiffTags.LONG, blockHeight));
            f.add(longsField(TiffTags.STRIP_OFFSETS, offType, offsets));
            f.add(longsField(TiffTags.STRIP_BYTE_COUNTS, offType, counts));
        }
        if (bands > 1) {
            f.add(longsField(TiffTags.EXTRA_SAMPLES, TiffTags.SHORT, repeat(0, bands - 1)));
        }
        f.add(longsField(TiffTags.SAMPLE_FORMAT, TiffTags.SHORT, repeat(kind.sampleFormat, bands)));
        if (geometry != null) {
            GeoTransform t = geometry.toCrs();
            if (t.isNorthUp()) {
                f.add(doublesField(TiffTags.MODEL_PIXEL_SCALE, t.dxCol(), -t.dyRow(), 0));
                f.add(doublesField(TiffTags.MODEL_TIEPOINT, 0, 0, 0, t.x0(), t.y0(), 0));
            } else {
                f.add(
                        doublesField(
                                TiffTags.MODEL_TRANSFORMATION,
                                t.dxCol(),
                                t.dxRow(),
                                0,
                                t.x0(),
                                t.dyCol(),
                                t.dyRow(),
                                0,
                                t.y0(),
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                1));
            }
            GeoKeys.Tags gk = GeoKeys.tags(geometry);
            long[] k = new long[gk.directory().length];
            for (int i = 0; i < k.length; i++) {
                k[i] = gk.directory()[i];
            }
            f.add(longsField(TiffTags.GEO_KEY_DIRECTORY, TiffTags.SHORT, k));
            if (gk.doubles() != null) {
                f.add(doublesField(TiffTags.GEO_DOUBLE_PARAMS, gk.doubles()));
            }
            if (gk.ascii() != null) {
                f.add(asciiField(TiffTags.GEO_ASCII_PARAMS, gk.ascii()));
            }
        }
        if (noData.isPresent()) {
            f.add(asciiField(TiffTags.GDAL_NODATA, formatNoData(noData.getAsDouble())));
        }
        f.sort(Comparator.comparingInt(Field::tag));
        writeIfd(f);
    }

    private String formatNoData(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return kind.memoryType == DataType.FLOAT32 || kind.memoryType == DataType.COMPLEX64
                ? Float.toString((float) v)
                : Double.toString(v);
    }

    private void writeIfd(List<Field> fields) throws IOException {
        int inline = big ? 8 : 4;
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        long ifdPos = (pos + 1) & ~1L;
        long tableEnd = ifdPos + countSize + (long) fields.size() * entrySize + (big ? 8 : 4);
        long extra = tableEnd;
        long[] where = new long[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            int len = fields.get(i).data().length;
            if (len > inline) {
                where[i] = extra;
                extra += (len + 1) & ~1;
            }
        }
        if (!big && extra > 0xFFFFFFFFL) {
            throw new IOException(
                    "the TIFF would exceed 4 GiB (" + extra + " bytes); write it as BigTIFF");
        }
        long total = extra - ifdPos;
        if (total > Integer.MAX_VALUE - 16) {
            throw new IOException("TIFF directory of " + total + " bytes is too large");
        }
        ByteBuffer b = ByteBuffer.allocate((int) total).order(order);
        if (big) {
            b.putLong(fields.size());
        } else {
            b.putShort((short) fields.size());
        }
        for (int i = 0; i < fields.size(); i++) {
            Field fd = fields.get(i);
            b.putShort((short) fd.tag()).putShort((short) fd.type());
            if (big) {
                b.putLong(fd.count());
            } else {
                b.putInt((int) fd.count());
            }
            int p = b.position();
            if (fd.data().length <= inline) {
                b.put(fd.data());
            } else if (big) {
                b.putLong(where[i]);
            } else {
                b.putInt((int) where[i]);
            }
            b.position(p + inline);
        }
        // next IFD offset: 0 (already zero)
        for (int i = 0; i < fields.size(); i++) {
            if (where[i] != 0) {
                b.position((int) (where[i] - ifdPos));
                b.put(fields.get(i).data());
            }
        }
        b.position(0);
        b.limit((int) total);
        writeAt(b, ifdPos);
        ByteBuffer off = ByteBuffer.allocate(big ? 8 : 4).order(order);
        if (big) {
            off.putLong(ifdPos);
        } else {
            off.putInt((int) ifdPos);
        }
        off.flip();
        writeAt(off, big ? 8 : 4);
        pos = extra;
    }

    private void writeAt(ByteBuffer b, long at) throws IOException {
        if (!big && at + b.remaining() > 0xFFFFFFFFL) {
            throw new IOException("the TIFF exceeds 4 GiB; write it as BigTIFF");
        }
        long p = at;
        while (b.hasRemaining()) {
            p += ch.write(b, p);
        }
    }

    private static long[] repeat(long v, int n) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** One IFD field with its values encoded in the file's byte order. */
    private record Field(int tag, int type, long count, byte[] data) {}

    private Field longsField(int tag, int type, long... v) {
        int ts = TiffTags.typeSize(type);
        ByteBuffer b = ByteBuffer.allocate(v.length * ts).order(order);
        for (long x : v) {
            switch (ts) {
                case 2 -> b.putShort((short) x);
                case 4 -> b.putInt((int) x);
                default -> b.putLong(x);
            }
        }
        return new Field(tag, type, v.length, b.array());
    }

    private Field doublesField(int tag, double... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(order);
        for (double x : v) {
            b.putDouble(x);
        }
        return new Field(tag, TiffTags.DOUBLE, v.length, b.array());
    }

    private Field asciiField(int tag, String s) {
        byte[] a = (s + "\0").getBytes(StandardCharsets.ISO_8859_1);
        return new Field(tag, TiffTags.ASCII, a.length, a);
    }
}
