package dev.surveyor.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs independent reference tools (GDAL's command-line programs, {@code /usr/bin/python3} with
 * numpy/OpenCV/scikit-image) from tests. A test that needs a tool calls {@link #requireGdal()} or
 * {@link #requirePython(String...)} and is skipped with a message when it is missing ({@code
 * bin/test} installs them).
 */
public final class ExternalTools {
    private ExternalTools() {}

    /** The Debian system Python, which has the Debian numpy/scipy/opencv/skimage/torch packages. */
    public static final String PYTHON = "/usr/bin/python3";

    /** Result of a finished command. */
    public record Result(int exitCode, String stdout, String stderr) {}

    /** Skips the test unless {@code gdalinfo} runs. */
    public static void requireGdal() {
        assumeTrue(works("gdalinfo", "--version"), "skipped: gdal-bin is not installed");
    }

    /** Skips the test unless {@code /usr/bin/python3} imports every module named. */
    public static void requirePython(String... modules) {
        StringBuilder code = new StringBuilder();
        for (String m : modules) {
            code.append("import ").append(m).append(";");
        }
        code.append("pass");
        assumeTrue(
                Files.isExecutable(Path.of(PYTHON)) && works(PYTHON, "-c", code.toString()),
                () ->
                        "skipped: "
                                + PYTHON
                                + " with "
                                + String.join(", ", modules)
                                + " is not installed");
    }

    /** Runs a command (120 s limit) and returns its output; throws when it cannot start. */
    public static Result run(String... command) {
        return run(List.of(command));
    }

    /** Runs a command (120 s limit) and returns its output; throws when it cannot start. */
    public static Result run(List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
            Path out = Files.createTempFile("surveyor-tool", ".out");
            Path err = Files.createTempFile("surveyor-tool", ".err");
            try {
                pb.redirectOutput(out.toFile()).redirectError(err.toFile());
                Process p = pb.start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out: " + String.join(" ", command));
                }
                return new Result(
                        p.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot run " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    /** Runs a command and fails (with its stderr) unless it exits 0; returns stdout. */
    public static String check(String... command) {
        Result r = run(command);
        if (r.exitCode() != 0) {
            throw new AssertionError(
                    String.join(" ", command) + " exited " + r.exitCode() + ": " + r.stderr());
        }
        return r.stdout();
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
