package dev.surveyor.insar.stack;

import dev.surveyor.core.raster.DataType;
import java.nio.ByteOrder;

/**
 * Layout of headerless raw files: row-major, one band, no header, rows of {@code width} pixels.
 *
 * @param width columns
 * @param height rows
 * @param dataType {@link DataType#COMPLEX64} (interleaved float32 re, im) for complex files;
 *     float32 amplitude files of the same stack use the same size and byte order
 * @param byteOrder byte order of the samples
 */
public record RawSpec(int width, int height, DataType dataType, ByteOrder byteOrder) {
    public RawSpec {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "raster width and height must be positive, got " + width + "x" + height);
        }
    }
}
