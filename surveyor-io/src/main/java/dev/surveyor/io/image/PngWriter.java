package dev.surveyor.io.image;

import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterU16;
import dev.surveyor.core.raster.RasterU8;
import dev.surveyor.io.AtomicFiles;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes PNG files with {@code javax.imageio}: 1 band = gray, 2 = gray+alpha, 3 = RGB, 4 = RGBA;
 * {@code UINT8} rasters as 8-bit and {@code UINT16} as 16-bit samples. Georeferencing and no-data
 * are not stored (PNG has no place for them). Writes are atomic.
 */
public final class PngWriter {
    private PngWriter() {}

    /**
     * Writes {@code ds} to {@code file}.
     *
     * @param ds (Input) raster with 1..4 bands of uint8 or uint16. Not modified.
     * @throws IllegalArgumentException naming the type or band count when PNG cannot hold it
     */
    public static void write(RasterDataset ds, Path file) throws IOException {
        BufferedImage img = toImage(ds);
        AtomicFiles.write(
                file,
                out -> {
                    if (!javax.imageio.ImageIO.write(img, "png", out)) {
                        throw new IOException(
                                file.getFileName() + ": no PNG writer for this image");
                    }
                });
    }

    static BufferedImage toImage(RasterDataset ds) {
        DataType t = ds.dataType();
        if (t != DataType.UINT8 && t != DataType.UINT16) {
            throw new IllegalArgumentException(
                    "PNG holds only uint8 or uint16 samples, got "
                            + t
                            + " (convert or use GeoTIFF)");
        }
        int nb = ds.numBands();
        if (nb < 1 || nb > 4) {
            throw new IllegalArgumentException("PNG holds 1 to 4 bands, got " + nb);
        }
        boolean alpha = nb == 2 || nb == 4;
        ColorSpace cs = ColorSpace.getInstance(nb <= 2 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        int bufType = t == DataType.UINT8 ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT;
        ComponentColorModel cm =
                new ComponentColorModel(
                        cs,
                        alpha,
                        false,
                        alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                        bufType);
        int w = ds.width();
        int h = ds.height();
        WritableRaster wr = cm.createCompatibleWritableRaster(w, h);
        int[] row = new int[w];
        for (int b = 0; b < nb; b++) {
            Raster band = ds.band(b);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    row[x] =
                            band instanceof RasterU8 u8
                                    ? u8.unsafeGet(x, y)
                                    : ((RasterU16) band).unsafeGet(x, y);
                }
                wr.setSamples(0, y, w, 1, b, row);
            }
        }
        return new BufferedImage(cm, wr, false, null);
    }
}
