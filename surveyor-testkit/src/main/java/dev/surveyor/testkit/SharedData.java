package dev.surveyor.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The optional real data set in {@code ../shared/data} beside the repository (read-only). Tests
 * call {@link #require(String)}, which skips the test with a message when the data is absent.
 *
 * <p>The folder is taken from the system property {@code surveyor.shared} (set by the parent POM to
 * {@code <repo>/../shared}), else the environment variable {@code SURVEYOR_SHARED}, else found by
 * walking up from the working directory.
 */
public final class SharedData {
    private SharedData() {}

    /** The {@code shared} folder, which may not exist. */
    public static Path root() {
        String p = System.getProperty("surveyor.shared");
        if (p == null || p.isBlank()) {
            p = System.getenv("SURVEYOR_SHARED");
        }
        if (p != null && !p.isBlank()) {
            return Paths.get(p).toAbsolutePath().normalize();
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path c = dir.resolveSibling("shared");
            if (Files.isDirectory(c.resolve("data"))) {
                return c;
            }
            dir = dir.getParent();
        }
        return Paths.get("../shared").toAbsolutePath().normalize();
    }

    /** {@code shared/data/<relative>}, which may not exist. */
    public static Path data(String relative) {
        return root().resolve("data").resolve(relative);
    }

    /** Whether {@code shared/data/<relative>} exists. */
    public static boolean isPresent(String relative) {
        return Files.exists(data(relative));
    }

    /** {@code shared/data/<relative>}; skips the calling test with a message when it is absent. */
    public static Path require(String relative) {
        Path p = data(relative);
        assumeTrue(Files.exists(p), () -> "skipped: real data " + p + " is absent");
        return p;
    }
}
