package dev.surveyor.insar.stack;

import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.io.RasterSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A minimal reader for headerless single-band raw rasters (complex64 or float32, either byte
 * order), as used by PS-InSAR stacks (Houston {@code .int}/{@code .amp}, ISCE {@code .slc}).
 * Written here because the shared {@code dev.surveyor.io.raw} reader did not exist yet; windowed
 * positioned reads, safe for concurrent use.
 */
final class RawBinarySource implements RasterSource {
    private final Path path;
    private final int width;
    private final int height;
    private final DataType type;
    private final ByteOrder order;
    private final FileChannel channel;

    private RawBinarySource(
            Path path, int width, int height, DataType type, ByteOrder order, FileChannel ch) {
        this.path = path;
        this.width = width;
        this.height = height;
        this.type = type;
        this.order = order;
        this.channel = ch;
    }

    /**
     * Opens a raw file and checks that its length is exactly {@code width * height *
     * bytesPerPixel}.
     *
     * @throws RasterFormatException naming the file, the expected and the actual length
     */
    static RawBinarySource open(Path path, int width, int height, DataType type, ByteOrder order)
            throws IOException {
        if (type != DataType.COMPLEX64 && type != DataType.FLOAT32) {
            throw new IllegalArgumentException(
                    "raw stack files must be complex64 or float32, got " + type);
        }
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        long expected = (long) width * height * type.bytesPerPixel();
        long size = ch.size();
        if (size != expected) {
            ch.close();
            throw new RasterFormatException(
                    path,
                    "size is "
                            + size
                            + " bytes but a "
                            + width
                            + "x"
                            + height
                            + " "
                            + type.gdalName()
                            + " raster needs "
                            + expected);
        }
        return new RawBinarySource(path, width, height, type, order, ch);
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String formatName() {
        return "RAW";
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int numBands() {
        return 1;
    }

    @Override
    public DataType dataType() {
        return type;
    }

    @Override
    public Optional<GridGeometry> geometry() {
        return Optional.empty();
    }

    @Override
    public OptionalDouble noData() {
        return OptionalDouble.empty();
    }

    @Override
    public Map<String, String> metadata() {
        return Map.of();
    }

    @Override
    public Raster readBand(int band, int x0, int y0, int w, int h) throws IOException {
        if (band != 0) {
            throw new IllegalArgumentException(
                    path.getFileName() + ": band " + band + " does not exist (1 band)");
        }
        checkWindow(x0, y0, w, h);
        int bpp = type.bytesPerPixel();
        int floatsPerPixel = bpp / 4;
        float[] out = new float[w * h * floatsPerPixel];
        ByteBuffer buf = ByteBuffer.allocate(w * bpp).order(order);
        for (int r = 0; r < h; r++) {
            buf.clear();
            long pos = ((long) (y0 + r) * width + x0) * bpp;
            while (buf.hasRemaining()) {
                int n = channel.read(buf, pos + buf.position());
                if (n < 0) {
                    throw new RasterFormatException(
                            path, "unexpected end of file at byte " + (pos + buf.position()));
                }
            }
            buf.flip();
            buf.asFloatBuffer().get(out, r * w * floatsPerPixel, w * floatsPerPixel);
        }
        return type == DataType.COMPLEX64
                ? new RasterC64(out, w, h, 0, w)
                : new RasterF32(out, w, h, 0, w);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
