package dev.surveyor.io.raw;

import dev.surveyor.core.util.Checks;
import java.nio.ByteOrder;

/**
 * How a headerless binary raster is laid out on disk.
 *
 * <p>The file holds {@code headerOffsetBytes} bytes to skip, then exactly {@code width * height *
 * bands} samples of {@code format} in {@code byteOrder}, arranged by {@code interleave}. Row 0 is
 * the first row in the file (top of the image); {@code x} = column.
 *
 * @param width columns (samples per line)
 * @param height rows (lines)
 * @param bands number of bands
 * @param format on-disk sample type
 * @param byteOrder byte order of multi-byte samples
 * @param interleave band arrangement (irrelevant for one band)
 * @param headerOffsetBytes bytes to skip at the start of the file
 */
public record RawLayout(
        int width,
        int height,
        int bands,
        SampleFormat format,
        ByteOrder byteOrder,
        Interleave interleave,
        long headerOffsetBytes) {
    public RawLayout {
        Checks.positive("width", width);
        Checks.positive("height", height);
        Checks.positive("bands", bands);
        Checks.notNull("format", format);
        Checks.notNull("byteOrder", byteOrder);
        Checks.notNull("interleave", interleave);
        if (headerOffsetBytes < 0) {
            throw new IllegalArgumentException(
                    "headerOffsetBytes must be at least 0, got " + headerOffsetBytes);
        }
        try {
            Math.addExact(
                    headerOffsetBytes,
                    Math.multiplyExact(
                            Math.multiplyExact((long) width * height, bands),
                            format.bytesPerSample()));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    width
                            + "x"
                            + height
                            + "x"
                            + bands
                            + " samples of "
                            + format.gdalName()
                            + " exceed the largest possible file size");
        }
    }

    /** One band, little-endian, no header: the layout of most scientific dumps. */
    public static RawLayout of(int width, int height, SampleFormat format) {
        return new RawLayout(width, height, 1, format, ByteOrder.LITTLE_ENDIAN, Interleave.BSQ, 0);
    }

    /** The same layout with another band count and interleave. */
    public RawLayout withBands(int n, Interleave il) {
        return new RawLayout(width, height, n, format, byteOrder, il, headerOffsetBytes);
    }

    /** The same layout with another byte order. */
    public RawLayout withByteOrder(ByteOrder order) {
        return new RawLayout(width, height, bands, format, order, interleave, headerOffsetBytes);
    }

    /** The same layout with another header offset. */
    public RawLayout withHeaderOffset(long bytes) {
        return new RawLayout(width, height, bands, format, byteOrder, interleave, bytes);
    }

    /** Bytes of pixel data (excluding the header offset). */
    public long dataBytes() {
        return (long) width * height * bands * format.bytesPerSample();
    }

    /** The file size this layout implies: header offset plus pixel data. */
    public long fileBytes() {
        return headerOffsetBytes + dataBytes();
    }

    /** Byte offset in the file of sample {@code (band, col, row)}. */
    public long byteOffset(int band, int col, int row) {
        return headerOffsetBytes
                + interleave.sampleIndex(band, col, row, width, height, bands)
                        * format.bytesPerSample();
    }
}
