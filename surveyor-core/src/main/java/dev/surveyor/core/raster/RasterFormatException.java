package dev.surveyor.core.raster;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file's content is not what its format promises (bad magic, impossible tag value, truncated
 * data, sizes that disagree). The message names the file and the offending value, e.g. {@code
 * scene.tif: ImageWidth is 0}.
 */
public class RasterFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A message already naming the file. */
    public RasterFormatException(String message) {
        super(message);
    }

    /** Prefixes the message with the file name. */
    public RasterFormatException(Path file, String message) {
        super(file.getFileName() + ": " + message);
    }

    /** Prefixes the message with the file name, keeping a cause. */
    public RasterFormatException(Path file, String message, Throwable cause) {
        super(file.getFileName() + ": " + message, cause);
    }
}
