package dev.surveyor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.surveyor.testkit.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the reports in headless Chromium (Debian {@code chromium}, no network) and checks that
 * every image loaded and no script error happened, as the page's own check script reports in {@code
 * #report-status}. Screenshots go to {@code target/report-screenshots/}. Skipped when Chromium is
 * not installed.
 */
class ChromiumReportTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir Path tmp;

    @Test
    void demoReportsLoadWithoutErrorsAndAllImages() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: /usr/bin/chromium is not installed");
        Path out = tmp.resolve("report");
        ReportSummary rc =
                Reports.write(
                        SyntheticRuns.craters(tmp.resolve("runs/craters")), out.resolve("craters"));
        ReportSummary rh =
                Reports.write(
                        SyntheticRuns.height(tmp.resolve("runs/height")), out.resolve("height"));
        ReportSummary ri =
                Reports.write(
                        SyntheticRuns.insar(tmp.resolve("runs/insar"), 600), out.resolve("insar"));
        Path index = Reports.writeIndex(out, "Surveyor demo", List.of(rc, rh, ri));
        Path shots = Path.of("target", "report-screenshots");
        Files.createDirectories(shots);
        String[] names = {"index", "craters", "height", "insar"};
        Path[] pages = {index, rc.page(), rh.page(), ri.page()};
        String[] doms = new String[pages.length];
        for (int i = 0; i < pages.length; i++) {
            ExternalTools.Result dom = chromium(pages[i], "--dump-dom");
            doms[i] = dom.stdout();
            assertEquals(0, dom.exitCode(), names[i] + ": chromium failed: " + dom.stderr());
            Matcher m = Pattern.compile("<span id=\"report-status\"([^>]*)>").matcher(dom.stdout());
            assertTrue(m.find(), names[i] + ": no status element in the DOM");
            String attrs = m.group(1);
            int images = attr(attrs, "data-images");
            int ok = attr(attrs, "data-images-ok");
            int errors = attr(attrs, "data-errors");
            assertTrue(images >= 3, names[i] + ": only " + images + " images");
            assertEquals(images, ok, names[i] + ": images not loaded");
            assertEquals(0, errors, names[i] + ": script errors: " + attrs);
            for (String line : dom.stderr().split("\n")) {
                assertTrue(
                        !(line.contains("CONSOLE")
                                && (line.contains("Uncaught") || line.contains(":ERROR:"))),
                        names[i] + ": console error: " + line);
            }
            Path png = shots.resolve(names[i] + ".png").toAbsolutePath();
            Files.deleteIfExists(png);
            ExternalTools.Result shot =
                    chromium(pages[i], "--screenshot=" + png, "--window-size=1280,2000");
            assertEquals(0, shot.exitCode(), shot.stderr());
            assertTrue(Files.size(png) > 10_000, names[i] + ": screenshot too small");
        }
        // the crater slider's script ran: the stats table is filled in
        assertTrue(doms[1].contains("<th>detections shown</th>"), "slider stats not rendered");
        // the PS time-series script ran: the chart of the first point is drawn
        assertTrue(doms[3].contains("<polyline"), "time series chart not drawn");
    }

    private ExternalTools.Result chromium(Path page, String... extra) throws IOException {
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
                                "--user-data-dir=" + Files.createTempDirectory(tmp, "chrome")));
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
