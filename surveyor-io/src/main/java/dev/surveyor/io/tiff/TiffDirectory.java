package dev.surveyor.io.tiff;

import dev.surveyor.core.raster.RasterFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The header and first image file directory (IFD) of a classic TIFF or BigTIFF file. Entries are
 * indexed at open; their values are read on demand with positioned reads, after checking that they
 * lie inside the file. Later IFDs (overviews, masks) are ignored.
 */
final class TiffDirectory {
    /** Largest number of values read for one tag (2^27, e.g. 134M tile offsets). */
    private static final long MAX_VALUES = 1L << 27;

    /** Largest number of values read for a tag other than the block offsets and byte counts. */
    private static final long MAX_OTHER_VALUES = 1L << 20;

    /** Largest number of entries accepted in one IFD. */
    private static final long MAX_ENTRIES = 4096;

    /** One IFD entry: where its {@code count} values of {@code type} lie in the file. */
    record Entry(int tag, int type, long count, long position) {}

    final Path path;
    final FileChannel channel;
    final long fileSize;
    final ByteOrder order;
    final boolean bigTiff;
    final Map<Integer, Entry> entries;

    private TiffDirectory(
            Path path,
            FileChannel channel,
            long fileSize,
            ByteOrder order,
            boolean bigTiff,
            Map<Integer, Entry> entries) {
        this.path = path;
        this.channel = channel;
        this.fileSize = fileSize;
        this.order = order;
        this.bigTiff = bigTiff;
        this.entries = entries;
    }

    /** Reads the header and the first IFD. */
    static TiffDirectory read(Path path, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < 8) {
            throw new RasterFormatException(
                    path, "file of " + size + " bytes is too short for TIFF");
        }
        ByteBuffer head = readAt(path, ch, size, 0, (int) Math.min(16, size), ByteOrder.BIG_ENDIAN);
        int b0 = head.get(0);
        int b1 = head.get(1);
        ByteOrder order;
        if (b0 == 'I' && b1 == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (b0 == 'M' && b1 == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new RasterFormatException(
                    path,
                    String.format(
                            "not a TIFF file: byte-order mark is 0x%02x%02x, expected II or MM",
                            b0 & 0xFF, b1 & 0xFF));
        }
        head.order(order);
        int magic = head.getShort(2) & 0xFFFF;
        boolean big;
        long ifdOffset;
        if (magic == 42) {
            big = false;
            ifdOffset = head.getInt(4) & 0xFFFFFFFFL;
        } else if (magic == 43) {
            if (size < 16) {
                throw new RasterFormatException(
                        path, "BigTIFF header truncated at " + size + " bytes");
            }
            int offsetSize = head.getShort(4) & 0xFFFF;
            if (offsetSize != 8) {
                throw new RasterFormatException(
                        path, "BigTIFF offset size is " + offsetSize + ", expected 8");
            }
            big = true;
            ifdOffset = head.getLong(8);
        } else {
            throw new RasterFormatException(
                    path, "not a TIFF file: magic number is " + magic + ", expected 42 or 43");
        }
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        if (ifdOffset < 8 || ifdOffset > size - countSize) {
            throw new RasterFormatException(
                    path,
                    "first IFD offset " + ifdOffset + " is outside the file (size " + size + ")");
        }
        ByteBuffer cb = readAt(path, ch, size, ifdOffset, countSize, order);
        long n = big ? cb.getLong(0) : cb.getShort(0) & 0xFFFF;
        if (n <= 0 || n > MAX_ENTRIES) {
            throw new RasterFormatException(path, "IFD at " + ifdOffset + " has " + n + " entries");
        }
        long tableSize = n * entrySize;
        if (ifdOffset + countSize + tableSize > size) {
            throw new RasterFormatException(
                    path,
                    "IFD at "
                            + ifdOffset
                            + " with "
                            + n
                            + " entries runs past the end of the file (size "
                            + size
                            + ")");
        }
        ByteBuffer t = readAt(path, ch, size, ifdOffset + countSize, (int) tableSize, order);
        Map<Integer, Entry> map = new TreeMap<>();
        int inline = big ? 8 : 4;
        for (int i = 0; i < n; i++) {
            int p = i * entrySize;
            int tag = t.getShort(p) & 0xFFFF;
            int type = t.getShort(p + 2) & 0xFFFF;
            long count = big ? t.getLong(p + 4) : t.getInt(p + 4) & 0xFFFFFFFFL;
            int ts = TiffTags.typeSize(type);
            if (ts == 0) {
                continue; // unknown field type: ignored, as libtiff does
            }
            if (count < 0 || count > MAX_VALUES) {
                throw new RasterFormatException(path, "tag " + tag + " has count " + count);
            }
            long bytes = count * ts;
            long valuePos = ifdOffset + countSize + p + (big ? 12 : 8);
            long pos;
            if (bytes <= inline) {
                pos = valuePos;
            } else {
                pos = big ? t.getLong(p + 12) : t.getInt(p + 8) & 0xFFFFFFFFL;
                if (pos < 0 || pos + bytes > size) {
                    throw new RasterFormatException(
                            path,
                            "tag "
                                    + tag
                                    + ": "
                                    + count
                                    + " values at offset "
                                    + pos
                                    + " run past the end of the file (size "
                                    + size
                                    + ")");
                }
            }
            map.putIfAbsent(tag, new Entry(tag, type, count, pos));
        }
        return new TiffDirectory(path, ch, size, order, big, map);
    }

    boolean has(int tag) {
        return entries.containsKey(tag);
    }

    /** Number of values of a tag, 0 when absent. */
    long count(int tag) {
        Entry e = entries.get(tag);
        return e == null ? 0 : e.count;
    }

    /** Integer values of a tag (unsigned types widened), or {@code null} when absent. */
    long[] longs(int tag) throws IOException {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        ByteBuffer b = values(e);
        int n = (int) e.count;
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] =
                    switch (e.type) {
                        case TiffTags.BYTE, TiffTags.UNDEFINED -> b.get(i) & 0xFF;
                        case TiffTags.SBYTE -> b.get(i);
                        case TiffTags.SHORT -> b.getShort(2 * i) & 0xFFFF;
                        case TiffTags.SSHORT -> b.getShort(2 * i);
                        case TiffTags.LONG, TiffTags.IFD -> b.getInt(4 * i) & 0xFFFFFFFFL;
                        case TiffTags.SLONG -> b.getInt(4 * i);
                        case TiffTags.LONG8, TiffTags.SLONG8, TiffTags.IFD8 -> b.getLong(8 * i);
                        case TiffTags.FLOAT -> (long) b.getFloat(4 * i);
                        case TiffTags.DOUBLE -> (long) b.getDouble(8 * i);
                        default ->
                                throw new RasterFormatException(
                                        path, "tag " + e.tag + " has non-integer type " + e.type);
                    };
        }
        return out;
    }

    /** One integer value (the first), or {@code dflt} when the tag is absent or empty. */
    long longValue(int tag, long dflt) throws IOException {
        long[] v = longs(tag);
        return v == null || v.length == 0 ? dflt : v[0];
    }

    /** Real values of a tag, or {@code null} when absent. */
    double[] doubles(int tag) throws IOException {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        if (e.type != TiffTags.FLOAT
                && e.type != TiffTags.DOUBLE
                && e.type != TiffTags.RATIONAL
                && e.type != TiffTags.SRATIONAL) {
            long[] l = longs(tag);
            double[] d = new double[l.length];
            for (int i = 0; i < l.length; i++) {
                d[i] = l[i];
            }
            return d;
        }
        ByteBuffer b = values(e);
        int n = (int) e.count;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] =
                    switch (e.type) {
                        case TiffTags.FLOAT -> b.getFloat(4 * i);
                        case TiffTags.DOUBLE -> b.getDouble(8 * i);
                        case TiffTags.RATIONAL ->
                                (b.getInt(8 * i) & 0xFFFFFFFFL)
                                        / (double) (b.getInt(8 * i + 4) & 0xFFFFFFFFL);
                        default -> b.getInt(8 * i) / (double) b.getInt(8 * i + 4);
                    };
        }
        return out;
    }

    /** An ASCII tag without its trailing NULs, or {@code null} when absent. */
    String ascii(int tag) throws IOException {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        if (TiffTags.typeSize(e.type) != 1) {
            throw new RasterFormatException(
                    path, "tag " + tag + " has type " + e.type + ", expected ASCII");
        }
        ByteBuffer b = values(e);
        byte[] a = new byte[b.remaining()];
        b.get(a);
        int end = a.length;
        while (end > 0 && a[end - 1] == 0) {
            end--;
        }
        return new String(a, 0, end, StandardCharsets.ISO_8859_1);
    }

    private ByteBuffer values(Entry e) throws IOException {
        boolean blockTable =
                e.tag == TiffTags.STRIP_OFFSETS
                        || e.tag == TiffTags.STRIP_BYTE_COUNTS
                        || e.tag == TiffTags.TILE_OFFSETS
                        || e.tag == TiffTags.TILE_BYTE_COUNTS;
        if (!blockTable && e.count > MAX_OTHER_VALUES) {
            throw new RasterFormatException(
                    path,
                    "tag " + e.tag + " has " + e.count + " values, more than " + MAX_OTHER_VALUES);
        }
        long bytes = e.count * TiffTags.typeSize(e.type);
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new RasterFormatException(path, "tag " + e.tag + " has " + e.count + " values");
        }
        return readAt(path, channel, fileSize, e.position, (int) bytes, order);
    }

    /** Reads exactly {@code n} bytes at {@code pos}; a short file is a format error. */
    static ByteBuffer readAt(Path path, FileChannel ch, long size, long pos, int n, ByteOrder order)
            throws IOException {
        if (pos < 0 || pos + n > size) {
            throw new RasterFormatException(
                    path,
                    "needs "
                            + n
                            + " bytes at offset "
                            + pos
                            + " but the file has "
                            + size
                            + " bytes (truncated?)");
        }
        ByteBuffer b = ByteBuffer.allocate(n).order(order);
        readFully(path, ch, b, pos);
        b.flip();
        return b;
    }

    /** Fills {@code b} from {@code pos} with positioned reads. */
    static void readFully(Path path, FileChannel ch, ByteBuffer b, long pos) throws IOException {
        long p = pos;
        while (b.hasRemaining()) {
            int r = ch.read(b, p);
            if (r < 0) {
                throw new RasterFormatException(
                        path, "unexpected end of file at offset " + p + " (truncated?)");
            }
            p += r;
        }
    }
}
