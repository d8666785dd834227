package dev.surveyor.io.raw;

import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Writes rasters as headerless binary files.
 *
 * <p>Only lossless conversions are accepted: each raster type is written in its natural format
 * ({@link SampleFormat#natural}) or widened to float64 / complex128 ({@link
 * SampleFormat#canWriteExactly}).
 */
public final class RawWriter {
    private RawWriter() {}

    /**
     * Writes {@code raster} to {@code file} atomically, laid out as {@code layout}; the header
     * offset, if any, is filled with zero bytes.
     *
     * @param raster (Input) the bands. Not modified.
     * @throws IllegalArgumentException when the layout's size, band count or format does not fit
     *     the raster
     */
    public static void write(MultiBandRaster raster, Path file, RawLayout layout)
            throws IOException {
        checkFits(raster, layout);
        AtomicFiles.write(file, out -> writeTo(raster, layout, out));
    }

    /**
     * Checks that {@code layout} describes {@code raster}.
     *
     * @throws IllegalArgumentException naming both when it does not
     */
    public static void checkFits(MultiBandRaster raster, RawLayout layout) {
        if (raster.width() != layout.width()
                || raster.height() != layout.height()
                || raster.numBands() != layout.bands()) {
            throw new IllegalArgumentException(
                    "raster is "
                            + raster.width()
                            + "x"
                            + raster.height()
                            + "x"
                            + raster.numBands()
                            + " but the layout is "
                            + layout.width()
                            + "x"
                            + layout.height()
                            + "x"
                            + layout.bands());
        }
        if (!layout.format().canWriteExactly(raster.dataType())) {
            throw new IllegalArgumentException(
                    "cannot write "
                            + raster.dataType()
                            + " rasters as "
                            + layout.format().gdalName()
                            + " without loss (use "
                            + SampleFormat.natural(raster.dataType()).gdalName()
                            + ")");
        }
    }

    /**
     * Streams the header padding and samples of {@code raster} to {@code out} (not closed).
     *
     * @param raster (Input) the bands. Not modified.
     */
    public static void writeTo(MultiBandRaster raster, RawLayout layout, OutputStream out)
            throws IOException {
        checkFits(raster, layout);
        for (long i = 0; i < layout.headerOffsetBytes(); i++) {
            out.write(0);
        }
        SampleFormat f = layout.format();
        int s = f.bytesPerSample();
        int w = layout.width();
        int nb = layout.bands();
        switch (layout.interleave()) {
            case BSQ -> {
                ByteBuffer row = rowBuffer(layout, (long) w * s);
                for (int b = 0; b < nb; b++) {
                    for (int y = 0; y < layout.height(); y++) {
                        SampleCodec.encodeRow(f, raster.band(b), y, row, 0, s);
                        out.write(row.array(), 0, w * s);
                    }
                }
            }
            case BIL -> {
                ByteBuffer row = rowBuffer(layout, (long) w * s);
                for (int y = 0; y < layout.height(); y++) {
                    for (int b = 0; b < nb; b++) {
                        SampleCodec.encodeRow(f, raster.band(b), y, row, 0, s);
                        out.write(row.array(), 0, w * s);
                    }
                }
            }
            case BIP -> {
                ByteBuffer row = rowBuffer(layout, (long) w * s * nb);
                for (int y = 0; y < layout.height(); y++) {
                    for (int b = 0; b < nb; b++) {
                        Raster band = raster.band(b);
                        SampleCodec.encodeRow(f, band, y, row, b * s, nb * s);
                    }
                    out.write(row.array(), 0, w * s * nb);
                }
            }
        }
    }

    private static ByteBuffer rowBuffer(RawLayout layout, long bytes) {
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a row of " + bytes + " bytes is too long to write");
        }
        return ByteBuffer.allocate((int) bytes).order(layout.byteOrder());
    }
}
