package dev.surveyor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.io.RasterIO;
import dev.surveyor.testkit.HeadlessChromium;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code surveyor demo} on the bundled samples (no {@code ../shared} needed): every step writes its
 * outputs, and the demo's {@code index.html} and the three analysis pages load in headless Chromium
 * with every image and no script or console error. Screenshots go to {@code
 * target/demo-screenshots/}.
 */
class DemoCommandTest {
    @TempDir Path tmp;

    @Test
    void demoRunsAllAnalysesAndItsReportLoadsInChromium() throws IOException {
        Path out = tmp.resolve("demo-out");
        StringWriter err = new StringWriter();
        var cl = SurveyorCli.newCommandLine();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("demo", "--out", out.toString());
        assertEquals(0, code, err.toString());
        for (String f :
                new String[] {
                    "info.txt",
                    "tiling-stitched.tif",
                    "craters/detections.csv",
                    "height/height.tif",
                    "insar/ps.csv",
                    "insar/velocity.tif",
                    "report/index.html"
                }) {
            assertTrue(Files.size(out.resolve(f)) > 0, f + " missing or empty");
        }
        // the stitched tiling round trip carries the sample's size and georeferencing
        var stitched = RasterIO.read(out.resolve("tiling-stitched.tif"));
        assertEquals(512, stitched.width());
        assertTrue(stitched.gridGeometry().isPresent(), "georeferencing lost in the tiling step");
        assertTrue(
                Files.readAllLines(out.resolve("craters/detections.csv")).size() > 10,
                "the crater step found almost nothing");

        HeadlessChromium.require();
        HeadlessChromium chromium = new HeadlessChromium(tmp);
        Path shots = Path.of("target", "demo-screenshots");
        for (String page :
                new String[] {
                    "index.html", "craters/report.html", "height/report.html", "insar/report.html"
                }) {
            Path p = out.resolve("report").resolve(page);
            chromium.assertPageLoads(p, 3);
            chromium.screenshot(p, shots.resolve(page.replace('/', '-') + ".png"));
        }
    }
}
