package dev.surveyor.io.tiff;

import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.util.Checks;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalDouble;

/**
 * Writes a GeoTIFF larger than memory, rows top to bottom: only one row of blocks (one strip or one
 * row of tiles, all bands) is held in memory. The output goes to a temporary file in the target
 * folder and is renamed over the target by {@link #commit()}; {@link #close()} without a commit
 * deletes it, so a failure never leaves a half-written target.
 *
 * <pre>{@code
 * try (GeoTiffStreamWriter w = GeoTiffStreamWriter.create(out, 40000, 30000, 1, DataType.FLOAT32,
 *         geometry, OptionalDouble.empty(), options)) {
 *     for (...) w.writeRows(nextRows);   // any number of rows per call
 *     w.commit();
 * }
 * }</pre>
 *
 * <p>Same tags and options as {@link GeoTiffWriter}. Not thread-safe.
 */
public final class GeoTiffStreamWriter implements Closeable {
    private final Path target;
    private final Path tmp;
    private final FileChannel channel;
    private final TiffEncoder enc;
    private final int width;
    private final int height;
    private final int bands;
    private final DataType type;
    private MultiBandRaster buffer;
    private int buffered;
    private int rowsWritten;
    private boolean done;

    private GeoTiffStreamWriter(
            Path target,
            int width,
            int height,
            int bands,
            DataType type,
            GridGeometry geometry,
            OptionalDouble noData,
            GeoTiffWriteOptions options)
            throws IOException {
        this.target = target;
        this.width = width;
        this.height = height;
        this.bands = bands;
        this.type = type;
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        this.tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        // createTempFile makes the file private (0600); give the output the permissions an ordinary
        // new file gets (those of the file it replaces, else rw-r--r--), as AtomicFiles does
        try {
            Files.setPosixFilePermissions(
                    tmp,
                    Files.exists(abs)
                            ? Files.getPosixFilePermissions(abs)
                            : PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the defaults
        }
        FileChannel ch = null;
        try {
            ch =
                    FileChannel.open(
                            tmp,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.READ,
                            StandardOpenOption.TRUNCATE_EXISTING);
            this.enc = new TiffEncoder(ch, width, height, bands, type, geometry, noData, options);
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                ch.close();
            }
            Files.deleteIfExists(tmp);
            throw e;
        }
        this.channel = ch;
    }

    /**
     * Starts writing {@code target}.
     *
     * @param geometry georeferencing, or {@code null}
     * @param options layout and compression, or {@code null} for the defaults. Not modified.
     */
    public static GeoTiffStreamWriter create(
            Path target,
            int width,
            int height,
            int numBands,
            DataType type,
            GridGeometry geometry,
            OptionalDouble noData,
            GeoTiffWriteOptions options)
            throws IOException {
        Checks.notNull("target", target);
        Checks.notNull("type", type);
        Checks.positive("width", width);
        Checks.positive("height", height);
        Checks.positive("numBands", numBands);
        GeoTiffWriteOptions opt = options == null ? new GeoTiffWriteOptions() : options.copy();
        opt.validate();
        return new GeoTiffStreamWriter(
                target, width, height, numBands, type, geometry, noData, opt);
    }

    /** Rows written so far (the next call continues at this row). */
    public int rowsWritten() {
        return rowsWritten;
    }

    /** Rows per strip or tile height: writing multiples of it avoids a copy. */
    public int blockHeight() {
        return enc.blockHeight;
    }

    /**
     * Appends rows below those already written.
     *
     * @param rows (Input) {@code width} columns, all bands, any number of rows that still fit. Not
     *     modified.
     */
    public void writeRows(MultiBandRaster rows) throws IOException {
        if (done) {
            throw new IllegalStateException("the writer is committed or closed");
        }
        if (rows.width() != width || rows.numBands() != bands || rows.dataType() != type) {
            throw new IllegalArgumentException(
                    "rows must be "
                            + width
                            + " wide with "
                            + bands
                            + " "
                            + type
                            + " bands, got "
                            + rows.width()
                            + " wide with "
                            + rows.numBands()
                            + " "
                            + rows.dataType());
        }
        if (rowsWritten + rows.height() > height) {
            throw new IllegalArgumentException(
                    "writing "
                            + rows.height()
                            + " rows after "
                            + rowsWritten
                            + " exceeds the height "
                            + height);
        }
        int bh = enc.blockHeight;
        int r = 0;
        while (r < rows.height()) {
            int by = (rowsWritten + buffered) / bh;
            int need = enc.rowsIn(by);
            if (buffered == 0 && rows.height() - r >= need) {
                // as many whole block rows as the input holds, encoded together
                int k = 1;
                while (by + k < enc.blocksDown() && enc.rowsIn(by, k + 1) <= rows.height() - r) {
                    k++;
                }
                int n = enc.rowsIn(by, k);
                enc.writeBlockRows(rows.subView(0, r, width, n));
                r += n;
                rowsWritten += n;
                continue;
            }
            if (buffer == null) {
                buffer = MultiBandRaster.create(type, width, bh, bands);
            }
            int n = Math.min(need - buffered, rows.height() - r);
            for (int b = 0; b < bands; b++) {
                buffer.band(b).copyFrom(rows.band(b).subView(0, r, width, n), 0, buffered);
            }
            buffered += n;
            r += n;
            if (buffered == need) {
                enc.writeBlockRows(buffer.subView(0, 0, width, need));
                rowsWritten += need;
                buffered = 0;
            }
        }
    }

    /** Writes the directory and renames the file over the target; all rows must be written. */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("the writer is committed or closed");
        }
        if (rowsWritten != height) {
            throw new IllegalStateException(
                    "only " + (rowsWritten + buffered) + " of " + height + " rows were written");
        }
        enc.finish();
        channel.close();
        try {
            Files.move(
                    tmp,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
    }

    /**
     * Ends writing; without a {@link #commit()} the temporary file is deleted and the target kept.
     */
    @Override
    public void close() throws IOException {
        done = true;
        channel.close();
        Files.deleteIfExists(tmp);
    }
}
