package dev.surveyor.report.html;

import dev.surveyor.report.plot.PngFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Where a page's images go: PNG files in {@code <page folder>/img/} linked by relative path, or
 * data URIs inside the page. The PNG files are written in both cases (they are useful on their own,
 * e.g. for slides).
 */
public final class ImageStore {
    private final Path pageDir;
    private final boolean inline;

    /**
     * @param pageDir folder of the HTML page; images go to {@code pageDir/img}
     * @param inline whether {@link #add} returns data URIs instead of relative paths
     */
    public ImageStore(Path pageDir, boolean inline) {
        this.pageDir = pageDir;
        this.inline = inline;
    }

    /**
     * Writes {@code image} as {@code img/<name>.png} and returns the value for an {@code src}
     * attribute (already safe in a quoted attribute).
     *
     * @param name file stem: letters, digits, {@code -} and {@code _} only
     */
    public String add(String name, BufferedImage image) throws IOException {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(
                    "image name must be [A-Za-z0-9_-]+, got '" + name + "'");
        }
        byte[] png = PngFiles.write(image, pageDir.resolve("img").resolve(name + ".png"));
        return inline
                ? "data:image/png;base64," + Base64.getEncoder().encodeToString(png)
                : "img/" + name + ".png";
    }

    /** The relative path of a written image file (for links), whatever the inline setting. */
    public static String fileHref(String name) {
        return "img/" + name + ".png";
    }
}
