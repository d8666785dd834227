package dev.surveyor.io.image;

import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.core.raster.RasterU16;
import dev.surveyor.core.raster.RasterU8;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;

/**
 * Reads PNG files with {@code javax.imageio}, keeping the stored sample values.
 *
 * <ul>
 *   <li>gray 1/2/4/8-bit: one {@code UINT8} band with the raw values (0..2<sup>depth</sup>-1)
 *   <li>gray 16-bit: one {@code UINT16} band with the full 16-bit values (no scaling, no gamma)
 *   <li>gray+alpha, RGB, RGBA: 2, 3 or 4 bands of {@code UINT8} or {@code UINT16}, in that order
 *   <li>palette: expanded to RGB (3 bands) or RGBA (4 bands, when the palette has transparency),
 *       except a pure gray ramp palette, which reads as one band of indices
 * </ul>
 */
public final class PngReader {
    private PngReader() {}

    /** The first 8 bytes of every PNG file. */
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Decodes {@code file} and serves windows of it. */
    public static DecodedRasterSource open(Path file) throws IOException {
        return new DecodedRasterSource(file, "PNG", read(file));
    }

    /**
     * Decodes {@code file}.
     *
     * @throws NoSuchFileException when it does not exist
     * @throws RasterFormatException naming the file when it is not a PNG or is damaged
     */
    public static RasterDataset read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        byte[] head = new byte[26];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n < 8 || !java.util.Arrays.equals(java.util.Arrays.copyOf(head, 8), SIGNATURE)) {
            throw new RasterFormatException(file, "not a PNG file (bad signature)");
        }
        if (n < 26) {
            throw new RasterFormatException(file, "truncated PNG: no IHDR chunk");
        }
        // IHDR width and height (big-endian) are checked before javax.imageio allocates the image
        long w = java.nio.ByteBuffer.wrap(head, 16, 4).getInt() & 0xFFFFFFFFL;
        long h = java.nio.ByteBuffer.wrap(head, 20, 4).getInt() & 0xFFFFFFFFL;
        if (w == 0 || h == 0 || w * h > Integer.MAX_VALUE - 16) {
            throw new RasterFormatException(
                    file, "PNG size " + w + "x" + h + " is empty or too large for one raster");
        }
        int depth = head[24];
        int channels =
                switch (head[25]) {
                    case 2 -> 3;
                    case 4 -> 2;
                    case 6 -> 4;
                    default -> 1;
                };
        // the decoded image and our copy of it must fit in the heap
        long needBytes = 2 * w * h * channels * (depth > 8 ? 2 : 1);
        if (needBytes > Runtime.getRuntime().maxMemory()) {
            throw new RasterFormatException(
                    file,
                    "PNG "
                            + w
                            + "x"
                            + h
                            + " needs about "
                            + (needBytes >> 20)
                            + " MiB to decode, more than the "
                            + (Runtime.getRuntime().maxMemory() >> 20)
                            + " MiB heap");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            // javax.imageio reports damaged streams with IIOException and sometimes runtime errors
            throw new RasterFormatException(file, "damaged PNG: " + e.getMessage(), e);
        }
        if (img == null) {
            throw new RasterFormatException(file, "no PNG decoder accepted the file");
        }
        return toDataset(img);
    }

    static RasterDataset toDataset(BufferedImage img) {
        WritableRaster r = img.getRaster();
        ColorModel cm = img.getColorModel();
        int w = r.getWidth();
        int h = r.getHeight();
        Map<String, String> meta = new LinkedHashMap<>();
        Raster[] bands;
        if (cm instanceof IndexColorModel icm && !isGrayRamp(icm)) {
            boolean alpha = icm.hasAlpha();
            bands = new Raster[alpha ? 4 : 3];
            for (int b = 0; b < bands.length; b++) {
                bands[b] = new RasterU8(w, h);
            }
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    int i = row[x];
                    ((RasterU8) bands[0]).unsafeSet(x, y, icm.getRed(i));
                    ((RasterU8) bands[1]).unsafeSet(x, y, icm.getGreen(i));
                    ((RasterU8) bands[2]).unsafeSet(x, y, icm.getBlue(i));
                    if (alpha) {
                        ((RasterU8) bands[3]).unsafeSet(x, y, icm.getAlpha(i));
                    }
                }
            }
            meta.put("color", alpha ? "palette (expanded to RGBA)" : "palette (expanded to RGB)");
        } else {
            int nb = r.getNumBands();
            int bits = 0;
            for (int b = 0; b < nb; b++) {
                bits = Math.max(bits, r.getSampleModel().getSampleSize(b));
            }
            boolean wide = bits > 8;
            bands = new Raster[nb];
            int[] row = new int[w];
            for (int b = 0; b < nb; b++) {
                bands[b] = wide ? new RasterU16(w, h) : new RasterU8(w, h);
                for (int y = 0; y < h; y++) {
                    r.getSamples(0, y, w, 1, b, row);
                    if (wide) {
                        RasterU16 o = (RasterU16) bands[b];
                        for (int x = 0; x < w; x++) {
                            o.unsafeSet(x, y, row[x]);
                        }
                    } else {
                        RasterU8 o = (RasterU8) bands[b];
                        for (int x = 0; x < w; x++) {
                            o.unsafeSet(x, y, row[x]);
                        }
                    }
                }
            }
            meta.put(
                    "color",
                    switch (nb) {
                        case 1 -> "gray";
                        case 2 -> "gray+alpha";
                        case 3 -> "rgb";
                        default -> "rgba";
                    });
            meta.put("bit depth", Integer.toString(bits));
        }
        return new RasterDataset(MultiBandRaster.of(bands), null, OptionalDouble.empty(), meta);
    }

    private static boolean isGrayRamp(IndexColorModel icm) {
        int n = icm.getMapSize();
        if (icm.hasAlpha() || n < 2) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int expected = (int) Math.round(i * 255.0 / (n - 1));
            if (icm.getRed(i) != expected
                    || icm.getGreen(i) != expected
                    || icm.getBlue(i) != expected) {
                return false;
            }
        }
        return true;
    }
}
