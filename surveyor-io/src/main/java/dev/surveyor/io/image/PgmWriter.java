package dev.surveyor.io.image;

import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes PGM files: {@code UINT8} as maxval 255, {@code UINT16} as maxval 65535 (two bytes
 * big-endian in P5). Binary {@code P5} by default, ASCII {@code P2} on request. Writes are atomic.
 */
public final class PgmWriter {
    private PgmWriter() {}

    /** Writes binary P5. */
    public static void write(RasterDataset ds, Path file) throws IOException {
        write(ds, file, false);
    }

    /**
     * Writes {@code ds} to {@code file}.
     *
     * @param ds (Input) one band of uint8 or uint16. Not modified.
     * @param ascii whether to write P2 (ASCII) instead of P5 (binary)
     * @throws IllegalArgumentException naming the type or band count when PGM cannot hold it
     */
    public static void write(RasterDataset ds, Path file, boolean ascii) throws IOException {
        DataType t = ds.dataType();
        if (ds.numBands() != 1) {
            throw new IllegalArgumentException("PGM holds one band, got " + ds.numBands());
        }
        if (t != DataType.UINT8 && t != DataType.UINT16) {
            throw new IllegalArgumentException("PGM holds only uint8 or uint16 samples, got " + t);
        }
        Raster r = ds.band(0);
        int maxval = t == DataType.UINT8 ? 255 : 65535;
        AtomicFiles.write(file, out -> writeTo(r, maxval, ascii, out));
    }

    private static void writeTo(Raster r, int maxval, boolean ascii, OutputStream out)
            throws IOException {
        String header =
                (ascii ? "P2" : "P5") + "\n" + r.width() + " " + r.height() + "\n" + maxval + "\n";
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        int w = r.width();
        if (ascii) {
            StringBuilder sb = new StringBuilder();
            for (int y = 0; y < r.height(); y++) {
                sb.setLength(0);
                for (int x = 0; x < w; x++) {
                    if (x > 0) {
                        sb.append(' ');
                    }
                    sb.append((int) r.unsafeGetDouble(x, y));
                }
                sb.append('\n');
                out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            }
            return;
        }
        boolean wide = maxval > 255;
        byte[] row = new byte[wide ? 2 * w : w];
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < w; x++) {
                int v = (int) r.unsafeGetDouble(x, y);
                if (wide) {
                    row[2 * x] = (byte) (v >>> 8);
                    row[2 * x + 1] = (byte) v;
                } else {
                    row[x] = (byte) v;
                }
            }
            out.write(row);
        }
    }
}
