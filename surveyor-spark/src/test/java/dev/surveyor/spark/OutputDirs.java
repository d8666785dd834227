package dev.surveyor.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Byte-for-byte comparison of two output folders. */
public final class OutputDirs {
    private OutputDirs() {}

    /**
     * Asserts that both folders hold the same file names with identical bytes; returns the names.
     */
    public static List<String> assertIdentical(Path expected, Path actual) throws IOException {
        List<String> a = names(expected);
        assertEquals(a, names(actual), "files in " + actual + " vs " + expected);
        for (String f : a) {
            byte[] x = Files.readAllBytes(expected.resolve(f));
            byte[] y = Files.readAllBytes(actual.resolve(f));
            assertArrayEquals(x, y, f + " differs between the single-machine and the Spark run");
        }
        return a;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
