package dev.surveyor.learn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** DJL {@link NDList} files of named arrays (optimiser and weight-average state). */
final class NdListFiles {
    private NdListFiles() {}

    /** Encodes {@code list}, closes it and writes the bytes to {@code file} atomically. */
    static void write(NDList list, Path file) throws IOException {
        byte[] bytes = list.encode();
        list.close();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @param what what the file should be, for the error message
     * @throws IOException naming the file when it is not an NDList
     */
    static NDList read(NDManager manager, Path file, String what) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return NDList.decode(manager, bytes);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not " + what + " (" + e.getMessage() + ")", e);
        }
    }
}
