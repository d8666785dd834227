package dev.surveyor.craters.model;

import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.core.util.Checks;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A grey image in memory, row-major float samples (raw grey levels, e.g. 0..255), {@code x} =
 * column.
 *
 * @param data samples, {@code width*height}
 * @param width columns
 * @param height rows
 */
public record GrayImage(float[] data, int width, int height) {
    /** Checks the sizes. */
    public GrayImage {
        Checks.positive("width", width);
        Checks.positive("height", height);
        Checks.sameSize("data", data.length, "width*height", width * height);
    }

    /** Sample at column x, row y. */
    public float get(int x, int y) {
        return data[y * width + x];
    }

    /** Reads a PNG/JPEG/GIF/BMP with {@code javax.imageio}; colour images are averaged to grey. */
    public static GrayImage read(Path file) throws IOException {
        BufferedImage im = ImageIO.read(file.toFile());
        if (im == null) {
            throw new RasterFormatException(file + ": not an image javax.imageio can read");
        }
        Raster r = im.getRaster();
        int w = r.getWidth(), h = r.getHeight(), nb = r.getNumBands();
        int bands = nb >= 3 ? 3 : 1;
        float[] out = new float[w * h];
        float[] row = new float[w * nb];
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int b = 0; b < bands; b++) {
                    s += row[x * nb + b];
                }
                out[y * w + x] = s / bands;
            }
        }
        return new GrayImage(out, w, h);
    }
}
