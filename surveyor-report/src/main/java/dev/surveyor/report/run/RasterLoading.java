package dev.surveyor.report.run;

import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.core.raster.RasterU8;
import dev.surveyor.core.raster.Rasters;
import dev.surveyor.io.RasterIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Reads the rasters of a run folder: GeoTIFF, ENVI, PNG and PGM through {@link RasterIO#read}, and
 * JPEG/GIF/BMP images through {@code javax.imageio}.
 */
public final class RasterLoading {
    private RasterLoading() {}

    private static final List<String> IMAGE_EXT =
            List.of(
                    ".tif", ".tiff", ".png", ".pgm", ".jpg", ".jpeg", ".img", ".bmp", ".gif",
                    ".raw");

    /** Reads a whole raster file. */
    public static RasterDataset read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".gif") || n.endsWith(".bmp")) {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                throw new RasterFormatException(file, "not a readable image");
            }
            return fromImage(img);
        }
        return RasterIO.read(file);
    }

    /**
     * The first file in {@code dir} whose name (without extension) is {@code stem} and whose
     * extension is a raster one, in the order tif, tiff, png, pgm, jpg, jpeg, img, bmp, gif, raw.
     */
    public static Optional<Path> find(Path dir, String stem) {
        for (String ext : IMAGE_EXT) {
            Path p = dir.resolve(stem + ext);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Whether the file name has a raster extension this class knows. */
    public static boolean isRasterName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return IMAGE_EXT.stream().anyMatch(n::endsWith);
    }

    /**
     * An image read by {@code javax.imageio} as rasters: float samples as float32 bands, 16-bit as
     * uint16, 8-bit as uint8, one band per sample band; palette images as RGB.
     */
    static RasterDataset fromImage(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        java.awt.image.WritableRaster wr = img.getRaster();
        if (img.getColorModel() instanceof java.awt.image.IndexColorModel) {
            Raster[] bands = {new RasterU8(w, h), new RasterU8(w, h), new RasterU8(w, h)};
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = img.getRGB(x, y);
                    bands[0].unsafeSetDouble(x, y, (rgb >> 16) & 0xff);
                    bands[1].unsafeSetDouble(x, y, (rgb >> 8) & 0xff);
                    bands[2].unsafeSetDouble(x, y, rgb & 0xff);
                }
            }
            return RasterDataset.of(MultiBandRaster.of(bands));
        }
        int type = wr.getDataBuffer().getDataType();
        DataType dt =
                type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE
                        ? DataType.FLOAT32
                        : type == DataBuffer.TYPE_USHORT ? DataType.UINT16 : DataType.UINT8;
        int nb = Math.min(wr.getNumBands(), img.getColorModel().getNumColorComponents());
        Raster[] bands = new Raster[Math.max(1, nb)];
        for (int b = 0; b < bands.length; b++) {
            bands[b] = Rasters.create(dt, w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    bands[b].unsafeSetDouble(x, y, wr.getSampleDouble(x, y, b));
                }
            }
        }
        return RasterDataset.of(MultiBandRaster.of(bands));
    }
}
