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
                    "craters/age.json",
                    "craters/isochron.csv",
                    "coregistration/offsets.csv",
                    "coregistration/true_offsets.csv",
                    "coregistration/matches.csv",
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

        // the model age uses the Mars chronology and the crop's footprint (512 x 12.5 m squared)
        var age =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(out.resolve("craters/age.json").toFile());
        assertEquals("Mars", age.path("body").asText());
        assertEquals(40.96, age.path("areaKm2").asDouble(), 0.41);
        // ... and agrees with the same fit on the hand labels (about 20 craters each: sigma ~0.1
        // Ga)
        var labelAge =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(out.resolve("craters/sfd-hand-labels/age.json").toFile());
        assertEquals(
                labelAge.path("ageGa").asDouble(),
                age.path("ageGa").asDouble(),
                0.5,
                age + " vs " + labelAge);
        assertTrue(
                Files.readString(out.resolve("report/craters/report.html"))
                        .contains("<h3>Model age</h3>"),
                "no model age on the crater page");
        // the synthetic co-registration recovers the known shifts
        var table = new java.util.HashMap<String, double[]>();
        for (String f : new String[] {"offsets.csv", "true_offsets.csv"}) {
            var lines = Files.readAllLines(out.resolve("coregistration").resolve(f));
            for (String l : lines.subList(1, lines.size())) {
                String[] c = l.split(",");
                double[] v = table.computeIfAbsent(c[0], k -> new double[4]);
                int o = f.startsWith("true") ? 2 : 0;
                v[o] = Double.parseDouble(c[1]);
                v[o + 1] = Double.parseDouble(c[2]);
            }
        }
        assertEquals(5, table.size(), table.keySet().toString());
        for (var e : table.entrySet()) {
            double[] v = e.getValue();
            assertEquals(v[2], v[0], 0.1, "dx of " + e.getKey());
            assertEquals(v[3], v[1], 0.1, "dy of " + e.getKey());
        }
        String insarPage = Files.readString(out.resolve("report/insar/report.html"));
        if (Files.isRegularFile(out.resolve("insar/mean_amplitude.tif"))) {
            assertTrue(insarPage.contains("alt=\"mean amplitude\""), "no amplitude background");
        }

        HeadlessChromium.require();
        HeadlessChromium chromium = new HeadlessChromium(tmp);
        Path shots = Path.of("target", "demo-screenshots");
        for (String page :
                new String[] {
                    "index.html",
                    "craters/report.html",
                    "height/report.html",
                    "insar/report.html",
                    "coregistration/report.html"
                }) {
            Path p = out.resolve("report").resolve(page);
            chromium.assertPageLoads(p, 3);
            chromium.screenshot(p, shots.resolve(page.replace('/', '-') + ".png"));
        }
    }
}
