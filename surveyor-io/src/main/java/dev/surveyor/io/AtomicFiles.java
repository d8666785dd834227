package dev.surveyor.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files atomically: content goes to a temporary file in the same folder, which is renamed
 * over the target only when writing succeeded. A failure leaves the target as it was (absent or the
 * previous version) and removes the temporary file.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes a file through a stream. */
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /** Writes a file through a channel (for positioned writes). */
    public interface ChannelWriter {
        void write(FileChannel channel) throws IOException;
    }

    /** Writes {@code target} through a buffered stream, atomically. */
    public static void write(Path target, StreamWriter writer) throws IOException {
        Path tmp = tempFor(target);
        try {
            try (OutputStream out =
                    new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.write(out);
            }
            commit(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code target} through a read/write channel, atomically. */
    public static void writeChannel(Path target, ChannelWriter writer) throws IOException {
        Path tmp = tempFor(target);
        try {
            try (FileChannel ch =
                    FileChannel.open(
                            tmp,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.READ,
                            StandardOpenOption.WRITE)) {
                writer.write(ch);
            }
            commit(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes a text file atomically (UTF-8). */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Path tempFor(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        // createTempFile makes the file private (0600); give the output the permissions an ordinary
        // new file gets (those of the file it replaces, else rw-r--r--).
        try {
            Set<PosixFilePermission> perms =
                    Files.exists(abs)
                            ? Files.getPosixFilePermissions(abs)
                            : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the defaults
        }
        return tmp;
    }

    private static void commit(Path tmp, Path target) throws IOException {
        try {
            Files.move(
                    tmp,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
