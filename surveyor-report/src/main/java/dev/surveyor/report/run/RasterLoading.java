package dev.surveyor.report.run;

import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.core.raster.RasterU8;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Reads the rasters of a run folder: through {@code dev.surveyor.io.RasterIO.read} (GeoTIFF, ENVI,
 * PNG, PGM, ...) and, for PNG/JPEG/GIF/BMP, through {@code javax.imageio} when that dispatcher is
 * not on the class path.
 */
public final class RasterLoading {
    private RasterLoading() {}

    private static final List<String> IMAGE_EXT =
            List.of(".tif", ".tiff", ".png", ".pgm", ".jpg", ".jpeg", ".img", ".bmp", ".gif", ".raw");

    /** Reads a whole raster file. */
    public static RasterDataset read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        Optional<Method> io = rasterIo();
        if (io.isPresent()) {
            try {
                return (RasterDataset) io.get().invoke(null, file);
            } catch (InvocationTargetException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException ioe) {
                    throw ioe;
                }
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IOException(file + ": " + c, c);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot call RasterIO.read", e);
            }
        }
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new RasterFormatException(
                    file, "cannot read this raster format (the raster I/O module is missing)");
        }
        return fromImage(img);
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

    /** An 8-bit image as gray (one band) or RGB (three bands) U8 raster. */
    static RasterDataset fromImage(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        boolean gray = img.getColorModel().getNumColorComponents() == 1;
        int nb = gray ? 1 : 3;
        Raster[] bands = new Raster[nb];
        for (int b = 0; b < nb; b++) {
            bands[b] = new RasterU8(w, h);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                if (gray) {
                    bands[0].unsafeSetDouble(x, y, gray(img, x, y, rgb));
                } else {
                    bands[0].unsafeSetDouble(x, y, (rgb >> 16) & 0xff);
                    bands[1].unsafeSetDouble(x, y, (rgb >> 8) & 0xff);
                    bands[2].unsafeSetDouble(x, y, rgb & 0xff);
                }
            }
        }
        return RasterDataset.of(MultiBandRaster.of(bands));
    }

    private static int gray(BufferedImage img, int x, int y, int rgb) {
        if (img.getRaster().getNumBands() == 1 && img.getSampleModel().getSampleSize(0) == 8) {
            return img.getRaster().getSample(x, y, 0);
        }
        return rgb & 0xff;
    }

    private static Optional<Method> rasterIo() {
        try {
            Class<?> c = Class.forName("dev.surveyor.io.RasterIO");
            return Optional.of(c.getMethod("read", Path.class));
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
