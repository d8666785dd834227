package dev.surveyor.report.plot;

import dev.surveyor.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** PNG encoding with {@code javax.imageio}; files are written atomically (temp file + rename). */
public final class PngFiles {
    private PngFiles() {}

    /** Encodes {@code image} as PNG bytes. */
    public static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in javax.imageio");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes {@code image} to {@code target} as PNG, atomically; returns the bytes written. */
    public static byte[] write(BufferedImage image, Path target) throws IOException {
        byte[] png = encode(image);
        AtomicFiles.write(target, out -> out.write(png));
        return png;
    }
}
