package dev.surveyor.io.tiff;

import dev.surveyor.core.raster.RasterFormatException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * How the pixels of a TIFF image are laid out: size, sample type, interleave, strips or tiles,
 * compression and predictor, and where each block lies in the file. Built from a {@link
 * TiffDirectory} with every value checked against the file, so that reading a block later cannot
 * index out of bounds or allocate more than the block needs.
 */
final class TiffLayout {
    /** Largest decoded block accepted (1 GiB). */
    static final long MAX_BLOCK_BYTES = 1L << 30;

    final Path path;
    final ByteOrder order;
    final boolean bigTiff;
    final int width;
    final int height;
    final int samplesPerPixel;
    final SampleKind kind;
    final boolean planar;
    final int compression;
    final int predictor;
    final boolean tiled;

    /** Block width in pixels (image width for strips). */
    final int blockWidth;

    /** Block height in rows (RowsPerStrip for strips). */
    final int blockHeight;

    final int blocksAcross;
    final int blocksDown;
    final long[] offsets;
    final long[] byteCounts;

    private TiffLayout(TiffDirectory d) throws IOException {
        this.path = d.path;
        this.order = d.order;
        this.bigTiff = d.bigTiff;
        long w = required(d, TiffTags.IMAGE_WIDTH, "ImageWidth");
        long h = required(d, TiffTags.IMAGE_LENGTH, "ImageLength");
        checkSize("ImageWidth", w);
        checkSize("ImageLength", h);
        width = (int) w;
        height = (int) h;
        long spp = d.longValue(TiffTags.SAMPLES_PER_PIXEL, 1);
        if (spp < 1 || spp > 65535) {
            throw fail("SamplesPerPixel is " + spp);
        }
        samplesPerPixel = (int) spp;
        long[] bps = d.longs(TiffTags.BITS_PER_SAMPLE);
        long bits = bps == null || bps.length == 0 ? 1 : bps[0];
        if (bps != null) {
            for (long b : bps) {
                if (b != bits) {
                    throw fail(
                            "BitsPerSample differs between samples (" + bits + " and " + b + ")");
                }
            }
        }
        long[] sf = d.longs(TiffTags.SAMPLE_FORMAT);
        long format = sf == null || sf.length == 0 ? 1 : sf[0];
        if (sf != null) {
            for (long f : sf) {
                if (f != format) {
                    throw fail(
                            "SampleFormat differs between samples (" + format + " and " + f + ")");
                }
            }
        }
        if (format == 4) {
            format = 1; // "undefined" data: read as unsigned integers
        }
        kind = SampleKind.of((int) format, (int) bits);
        if (kind == null) {
            throw fail(
                    "unsupported sample type: SampleFormat "
                            + format
                            + " with BitsPerSample "
                            + bits);
        }
        long pc = d.longValue(TiffTags.PLANAR_CONFIGURATION, 1);
        if (pc != 1 && pc != 2) {
            throw fail("PlanarConfiguration is " + pc + ", expected 1 or 2");
        }
        planar = pc == 2 && samplesPerPixel > 1;
        long comp = d.longValue(TiffTags.COMPRESSION, 1);
        if (comp != 1 && comp != 5 && comp != 8 && comp != 32946 && comp != 32773) {
            throw fail(
                    "unsupported Compression "
                            + comp
                            + " (supported: 1 none, 5 LZW, 8/32946 DEFLATE, 32773 PackBits)");
        }
        compression = (int) comp;
        long pred = d.longValue(TiffTags.PREDICTOR, 1);
        if (pred < 1 || pred > 3) {
            throw fail("unsupported Predictor " + pred + " (expected 1, 2 or 3)");
        }
        if (pred == 2 && kind.wordSize() > 8) {
            throw fail("Predictor 2 with " + bits + "-bit samples is not supported");
        }
        if (pred == 3 && kind.sampleFormat != 3) {
            throw fail(
                    "Predictor 3 needs floating-point samples, SampleFormat is "
                            + kind.sampleFormat);
        }
        predictor = comp == 1 ? 1 : (int) pred;

        tiled = d.has(TiffTags.TILE_WIDTH) || d.has(TiffTags.TILE_OFFSETS);
        if (tiled) {
            long tw = required(d, TiffTags.TILE_WIDTH, "TileWidth");
            long th = required(d, TiffTags.TILE_LENGTH, "TileLength");
            checkSize("TileWidth", tw);
            checkSize("TileLength", th);
            blockWidth = (int) tw;
            blockHeight = (int) th;
        } else {
            long rps = d.longValue(TiffTags.ROWS_PER_STRIP, 0xFFFFFFFFL);
            if (rps <= 0) {
                throw fail("RowsPerStrip is " + rps);
            }
            blockWidth = width;
            blockHeight = (int) Math.min(rps, height);
        }
        blocksAcross = (int) ceilDiv(width, blockWidth);
        blocksDown = (int) ceilDiv(height, blockHeight);
        long blockBytes = (long) blockWidth * blockHeight * samplesInBlock() * kind.bytes;
        if (compression != 1 && blockBytes > MAX_BLOCK_BYTES) {
            throw fail(
                    (tiled ? "tile" : "strip")
                            + " of "
                            + blockWidth
                            + "x"
                            + blockHeight
                            + " pixels ("
                            + blockBytes
                            + " bytes) is too large");
        }
        long expected = (long) blocksAcross * blocksDown * (planar ? samplesPerPixel : 1);
        String offName = tiled ? "TileOffsets" : "StripOffsets";
        String cntName = tiled ? "TileByteCounts" : "StripByteCounts";
        int offTag = tiled ? TiffTags.TILE_OFFSETS : TiffTags.STRIP_OFFSETS;
        int cntTag = tiled ? TiffTags.TILE_BYTE_COUNTS : TiffTags.STRIP_BYTE_COUNTS;
        if (!d.has(offTag)) {
            throw fail(offName + " is missing");
        }
        if (d.count(offTag) != expected) {
            throw fail(
                    offName
                            + " has "
                            + d.count(offTag)
                            + " entries but the "
                            + width
                            + "x"
                            + height
                            + " image with "
                            + blockWidth
                            + "x"
                            + blockHeight
                            + " blocks needs "
                            + expected);
        }
        offsets = d.longs(offTag);
        if (!d.has(cntTag)) {
            if (expected == 1 && compression == 1) {
                byteCounts = new long[] {blockBytes};
            } else {
                throw fail(cntName + " is missing");
            }
        } else {
            if (d.count(cntTag) != expected) {
                throw fail(
                        cntName
                                + " has "
                                + d.count(cntTag)
                                + " entries but "
                                + offName
                                + " has "
                                + expected);
            }
            byteCounts = d.longs(cntTag);
        }
        for (int i = 0; i < offsets.length; i++) {
            long o = offsets[i];
            long c = byteCounts[i];
            if (c == 0) {
                continue; // sparse block
            }
            if (o < 0 || c < 0 || o + c > d.fileSize || o + c < 0) {
                throw fail(
                        offName
                                + "["
                                + i
                                + "] = "
                                + o
                                + " with "
                                + cntName
                                + "["
                                + i
                                + "] = "
                                + c
                                + " lies beyond the end of the file (size "
                                + d.fileSize
                                + ")");
            }
            if (compression == 1) {
                long need =
                        (long) storedRows((i % (blocksAcross * blocksDown)) / blocksAcross)
                                * blockWidth
                                * samplesInBlock()
                                * kind.bytes;
                if (c < need) {
                    throw fail(
                            cntName
                                    + "["
                                    + i
                                    + "] = "
                                    + c
                                    + " but the uncompressed block needs "
                                    + need
                                    + " bytes");
                }
            } else if (c > Integer.MAX_VALUE - 16) {
                throw fail(cntName + "[" + i + "] = " + c + " is too large");
            }
        }
    }

    static TiffLayout of(TiffDirectory d) throws IOException {
        return new TiffLayout(d);
    }

    /** Samples per pixel stored in one block: all of them (chunky) or one (planar). */
    int samplesInBlock() {
        return planar ? 1 : samplesPerPixel;
    }

    /** Rows actually stored in block row {@code by} (strips are not padded, tiles are). */
    int storedRows(int by) {
        return tiled ? blockHeight : Math.min(blockHeight, height - by * blockHeight);
    }

    /** Bytes of one decoded row of a block. */
    long rowBytes() {
        return (long) blockWidth * samplesInBlock() * kind.bytes;
    }

    /** Index into the offsets of block {@code (bx, by)} of plane {@code plane}. */
    int blockIndex(int bx, int by, int plane) {
        return (plane * blocksDown + by) * blocksAcross + bx;
    }

    String compressionName() {
        return switch (compression) {
            case 1 -> "NONE";
            case 5 -> "LZW";
            case 8, 32946 -> "DEFLATE";
            case 32773 -> "PACKBITS";
            default -> String.valueOf(compression);
        };
    }

    private long required(TiffDirectory d, int tag, String name) throws IOException {
        long[] v = d.longs(tag);
        if (v == null || v.length == 0) {
            throw fail(name + " (tag " + tag + ") is missing");
        }
        return v[0];
    }

    private void checkSize(String name, long v) throws RasterFormatException {
        if (v <= 0 || v > Integer.MAX_VALUE - 16) {
            throw fail(name + " is " + v);
        }
    }

    private RasterFormatException fail(String msg) {
        return new RasterFormatException(path, msg);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
