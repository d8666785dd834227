package dev.surveyor.io.image;

import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.core.raster.RasterU16;
import dev.surveyor.core.raster.RasterU8;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads PGM (portable graymap) files: {@code P5} (binary; one byte per sample when maxval &lt; 256,
 * else two bytes big-endian) and {@code P2} (ASCII). Samples keep their stored values (no scaling
 * by maxval): maxval &lt; 256 reads as {@code UINT8}, otherwise {@code UINT16}. Comments ({@code #}
 * to end of line) are allowed in the header. Only the first image of a multi-image file is read.
 */
public final class PgmReader {
    private PgmReader() {}

    /** Decodes {@code file} and serves windows of it. */
    public static DecodedRasterSource open(Path file) throws IOException {
        return new DecodedRasterSource(file, "PNM", read(file));
    }

    /**
     * Decodes {@code file}.
     *
     * @throws NoSuchFileException when it does not exist
     * @throws RasterFormatException naming the file and value for a bad header, truncated data or a
     *     sample above maxval
     */
    public static RasterDataset read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        byte[] b = Files.readAllBytes(file);
        if (b.length < 2 || b[0] != 'P' || (b[1] != '5' && b[1] != '2')) {
            throw new RasterFormatException(file, "not a PGM file (expected magic P5 or P2)");
        }
        boolean binary = b[1] == '5';
        Tokens tk = new Tokens(file, b, 2);
        long w = tk.nextInt("width");
        long h = tk.nextInt("height");
        long maxval = tk.nextInt("maxval");
        if (w <= 0 || h <= 0) {
            throw new RasterFormatException(
                    file, "image size " + w + "x" + h + " must be positive");
        }
        if (maxval <= 0 || maxval > 65535) {
            throw new RasterFormatException(file, "maxval " + maxval + " must be in 1..65535");
        }
        if (w * h > Integer.MAX_VALUE - 16) {
            throw new RasterFormatException(file, "image " + w + "x" + h + " is too large");
        }
        int width = (int) w;
        int height = (int) h;
        boolean wide = maxval > 255;
        Raster r = wide ? new RasterU16(width, height) : new RasterU8(width, height);
        long n = w * h;
        if (binary) {
            // exactly one whitespace byte separates maxval from the samples
            int pos = tk.pos + 1;
            long need = n * (wide ? 2 : 1);
            if (tk.pos >= b.length || b.length - (long) pos < need) {
                throw new RasterFormatException(
                        file,
                        "truncated: "
                                + width
                                + "x"
                                + height
                                + " samples need "
                                + need
                                + " bytes after the header, the file has "
                                + Math.max(0, b.length - pos));
            }
            for (int i = 0; i < n; i++) {
                int v =
                        wide
                                ? ((b[pos + 2 * i] & 0xFF) << 8) | (b[pos + 2 * i + 1] & 0xFF)
                                : b[pos + i] & 0xFF;
                if (v > maxval) {
                    throw new RasterFormatException(
                            file,
                            "sample "
                                    + v
                                    + " at pixel "
                                    + (i % width)
                                    + ","
                                    + (i / width)
                                    + " exceeds maxval "
                                    + maxval);
                }
                set(r, i % width, i / width, v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                long v = tk.nextInt("sample " + i);
                if (v > maxval) {
                    throw new RasterFormatException(
                            file,
                            "sample "
                                    + v
                                    + " at pixel "
                                    + (i % width)
                                    + ","
                                    + (i / width)
                                    + " exceeds maxval "
                                    + maxval);
                }
                set(r, i % width, i / width, (int) v);
            }
        }
        return new RasterDataset(
                MultiBandRaster.of(r),
                null,
                OptionalDouble.empty(),
                Map.of("pnm type", binary ? "P5" : "P2", "maxval", Long.toString(maxval)));
    }

    private static void set(Raster r, int x, int y, int v) {
        if (r instanceof RasterU8 u8) {
            u8.unsafeSet(x, y, v);
        } else {
            ((RasterU16) r).unsafeSet(x, y, v);
        }
    }

    /** Whitespace-separated decimal tokens with {@code #} comments. */
    private static final class Tokens {
        private final Path file;
        private final byte[] b;
        int pos;

        Tokens(Path file, byte[] b, int pos) {
            this.file = file;
            this.b = b;
            this.pos = pos;
        }

        long nextInt(String what) throws RasterFormatException {
            while (pos < b.length) {
                byte c = b[pos];
                if (c == '#') {
                    while (pos < b.length && b[pos] != '\n' && b[pos] != '\r') {
                        pos++;
                    }
                } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B
                        || c == '\f') {
                    pos++;
                } else {
                    break;
                }
            }
            if (pos >= b.length) {
                throw new RasterFormatException(file, "truncated: " + what + " is missing");
            }
            long v = 0;
            int start = pos;
            while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
                v = v * 10 + (b[pos] - '0');
                if (v > Integer.MAX_VALUE) {
                    throw new RasterFormatException(file, what + " is too large");
                }
                pos++;
            }
            if (pos == start) {
                throw new RasterFormatException(
                        file,
                        what
                                + " is not a number (byte '"
                                + (char) (b[pos] & 0xFF)
                                + "' at offset "
                                + pos
                                + ")");
            }
            return v;
        }
    }
}
