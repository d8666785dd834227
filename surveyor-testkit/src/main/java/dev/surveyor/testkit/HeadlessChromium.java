package dev.surveyor.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads Surveyor's HTML reports in Debian's headless Chromium (no network) and checks what the
 * page's own check script writes into {@code <span id="report-status">}: how many images there are,
 * how many loaded, and how many script errors happened. Tests call {@link #require()} first, which
 * skips them when {@code /usr/bin/chromium} is not installed ({@code bin/test} installs it).
 */
public final class HeadlessChromium {
    /** The Debian Chromium binary. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Path profileRoot;

    /**
     * @param profileRoot folder for throw-away Chromium profiles (e.g. a JUnit temp dir)
     */
    public HeadlessChromium(Path profileRoot) {
        this.profileRoot = profileRoot;
    }

    /** Skips the calling test unless Chromium is installed. */
    public static void require() {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: /usr/bin/chromium is not installed");
    }

    /**
     * Loads a page and asserts that at least {@code minImages} images exist, all of them loaded, no
     * script error happened and the console shows no error; returns the rendered DOM.
     */
    public String assertPageLoads(Path page, int minImages) throws IOException {
        String name = page.getFileName().toString();
        ExternalTools.Result dom = run(page, "--dump-dom");
        assertEquals(0, dom.exitCode(), name + ": chromium failed: " + dom.stderr());
        Matcher m = Pattern.compile("<span id=\"report-status\"([^>]*)>").matcher(dom.stdout());
        assertTrue(m.find(), name + ": no status element in the DOM");
        String attrs = m.group(1);
        int images = attr(attrs, "data-images");
        int ok = attr(attrs, "data-images-ok");
        int errors = attr(attrs, "data-errors");
        assertTrue(images >= minImages, name + ": only " + images + " images");
        assertEquals(images, ok, name + ": images not loaded");
        assertEquals(0, errors, name + ": script errors: " + attrs);
        for (String line : dom.stderr().split("\n")) {
            assertTrue(
                    !(line.contains("CONSOLE")
                            && (line.contains("Uncaught") || line.contains(":ERROR:"))),
                    name + ": console error: " + line);
        }
        return dom.stdout();
    }

    /** Saves a screenshot of a page and asserts it is not empty. */
    public void screenshot(Path page, Path png) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        ExternalTools.Result shot =
                run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=1280,2000");
        assertEquals(0, shot.exitCode(), shot.stderr());
        assertTrue(Files.size(png) > 10_000, png + ": screenshot too small");
    }

    private ExternalTools.Result run(Path page, String... extra) throws IOException {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                CHROMIUM.toString(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--disable-dev-shm-usage",
                                "--enable-logging=stderr",
                                "--v=0",
                                "--virtual-time-budget=5000",
                                "--user-data-dir="
                                        + Files.createTempDirectory(profileRoot, "chrome")));
        cmd.addAll(List.of(extra));
        cmd.add(page.toUri().toString());
        return ExternalTools.run(cmd);
    }

    private static int attr(String attrs, String name) {
        Matcher m = Pattern.compile(name + "=\"(\\d+)\"").matcher(attrs);
        assertTrue(m.find(), "attribute " + name + " missing in " + attrs);
        return Integer.parseInt(m.group(1));
    }
}
