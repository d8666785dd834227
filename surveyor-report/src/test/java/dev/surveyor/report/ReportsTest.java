package dev.surveyor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.report.run.RunKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
    @TempDir Path tmp;

    private static final Pattern SRC = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"");

    @Test
    void writesThreeReportsAndAnIndexWithOnlyLocalLinks() throws IOException {
        Path c = SyntheticRuns.craters(tmp.resolve("runs/craters"));
        Path h = SyntheticRuns.height(tmp.resolve("runs/height"));
        Path s = SyntheticRuns.insar(tmp.resolve("runs/insar"), 600);
        assertEquals(RunKind.CRATERS, RunKind.detect(c));
        assertEquals(RunKind.HEIGHT, RunKind.detect(h));
        assertEquals(RunKind.INSAR, RunKind.detect(s));

        Path out = tmp.resolve("report");
        ReportSummary rc = Reports.write(c, out.resolve("craters"));
        ReportSummary rh = Reports.write(h, out.resolve("height"));
        ReportSummary ri = Reports.write(s, out.resolve("insar"));
        Path index = Reports.writeIndex(out, "Demo", List.of(rc, rh, ri));

        for (Path page : List.of(index, rc.page(), rh.page(), ri.page())) {
            String html = Files.readString(page);
            assertTrue(html.startsWith("<!DOCTYPE html>"), page.toString());
            assertBalanced(html, "section");
            assertBalanced(html, "table");
            assertBalanced(html, "script");
            assertBalanced(html, "svg");
            Matcher m = SRC.matcher(html);
            int links = 0;
            while (m.find()) {
                String url = m.group(1);
                assertFalse(
                        url.matches("(?i)^(https?:|//|ftp:).*"), page + " links outside: " + url);
                if (!url.startsWith("data:") && !url.startsWith("#")) {
                    Path target =
                            page.getParent()
                                    .resolve(
                                            java.net.URLDecoder.decode(
                                                    url, java.nio.charset.StandardCharsets.UTF_8));
                    assertTrue(Files.isRegularFile(target), page + " links to missing " + url);
                    if (url.endsWith(".png")) {
                        assertTrue(ImageIO.read(target.toFile()).getWidth() > 0, url);
                    }
                    links++;
                }
            }
            assertTrue(links >= 3, page + " has only " + links + " local links");
        }
        // text from files is escaped, never executed
        String insar = Files.readString(ri.page());
        assertFalse(insar.contains("<script>alert(1)"));
        assertTrue(insar.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        // the numbers the report computed
        assertEquals("600", rc.headline().isEmpty() ? "" : ri.headline().get("PS"));
        assertTrue(rc.headline().containsKey("F1"));
        assertEquals("3.42", rc.headline().get("model age"));
        String craters = Files.readString(rc.page());
        assertEquals(42, count(craters, "data-s=\""), "one circle per detection");
        assertEquals(40, count(craters, "data-m=\""), "one circle per truth crater");
        assertTrue(rh.headline().get("RMSE").endsWith(" m"));
    }

    @Test
    void inlineImagesMakeOneFilePage() throws IOException {
        Path h = SyntheticRuns.height(tmp.resolve("h"));
        ReportOptions o = new ReportOptions();
        o.inlineImages = true;
        ReportSummary r = Reports.write(h, null, tmp.resolve("out"), o);
        String html = Files.readString(r.page());
        assertFalse(html.contains("src=\"img/"));
        assertTrue(count(html, "src=\"data:image/png;base64,") >= 4);
    }

    @Test
    void capsInteractivePointsAndSaysSo() throws IOException {
        Path s = SyntheticRuns.insar(tmp.resolve("s"), 300);
        ReportOptions o = new ReportOptions();
        o.maxInteractivePoints = 100;
        ReportSummary r = Reports.write(s, RunKind.INSAR, tmp.resolve("out"), o);
        String html = Files.readString(r.page());
        assertEquals(100, count(html, "data-i=\""));
        assertTrue(html.contains("Showing the 100 highest-coherence of 300 PS"));
    }

    @Test
    void coregistrationPageComparesWithTheKnownShifts() throws IOException {
        Path c = SyntheticRuns.coregistration(tmp.resolve("co"));
        assertEquals(RunKind.COREGISTRATION, RunKind.detect(c));
        ReportSummary r = Reports.write(c, tmp.resolve("out"));
        String html = Files.readString(r.page());
        assertBalanced(html, "table");
        assertTrue(html.contains("<th>true dx [px]</th>"), "no truth columns");
        // errors: hypot(0.01, 0.02), 0, hypot(0.03, 0.04) = 0.05, 0.01
        assertEquals("0.050", r.headline().get("max |error| [px]"));
        double rms = Math.sqrt((0.01 * 0.01 + 0.02 * 0.02 + 0.05 * 0.05 + 0.01 * 0.01) / 4);
        assertEquals(
                String.format(java.util.Locale.ROOT, "%.3f", rms),
                r.headline().get("RMS error [px]"));
        // the note is shown, escaped
        assertTrue(html.contains("Synthetic stack &lt;b&gt;test&lt;/b&gt;"), "note missing");
        // coregister's ref_x/sec_x column names are read; the matches are drawn on the reference
        assertTrue(html.contains("90 feature matches over 3 dates"), "matches caption");
        assertTrue(Files.isRegularFile(tmp.resolve("out/img/matches_on_reference.png")));
        assertTrue(r.thumbnail().isPresent());
    }

    @Test
    void craterPageShowsTheModelAgeOfTheSfdCommand() throws IOException {
        Path c = SyntheticRuns.craters(tmp.resolve("c"));
        // files as `surveyor craters sfd --out <run>` writes them
        Files.writeString(
                c.resolve("cumulative.csv"),
                "diameter_km,cumulative_per_km2,error_per_km2\n1.0,0.025,0.025\n0.5,0.1,0.05\n");
        Files.writeString(
                c.resolve("isochron.csv"), "diameter_km,isochron_per_km2\n0.5,0.09\n1.0,0.02\n");
        Files.writeString(
                c.resolve("age.json"),
                "{\"ageGa\": 3.2149, \"ageLowGa\": 2.9, \"ageHighGa\": 3.41, \"n1PerKm2\": 0.0021,"
                        + " \"count\": 4, \"dMinKm\": 0.125, \"dMaxKm\": 362.0, \"body\": \"Mars\","
                        + " \"chronologySystem\": \"Mars, Neukum-Ivanov (2001)\", \"areaKm2\": 40.96,"
                        + " \"areaSource\": \"footprint of x.tif\"}");
        ReportSummary r = Reports.write(c, tmp.resolve("out"));
        String html = Files.readString(r.page());
        assertEquals("3.21 Ga (1σ 2.9 – 3.41 Ga)", r.headline().get("model age"));
        assertTrue(
                html.contains("<th>counting area [km²]</th><td>41.0 (footprint of x.tif)</td>")
                        || html.contains("41 (footprint of x.tif)"),
                "area row");
        assertTrue(html.contains("Mars, Neukum-Ivanov (2001)"));
        assertTrue(html.contains("so this age is indicative"));
        assertTrue(html.contains("From cumulative.csv; the line is the production function"));
    }

    @Test
    void insarPageSaysWhenThereIsNoMeanAmplitude() throws IOException {
        Path s = SyntheticRuns.insar(tmp.resolve("s"), 50);
        String with = Files.readString(Reports.write(s, tmp.resolve("o1")).page());
        assertTrue(with.contains("mean amplitude of the stack (mean_amplitude.tif) in dB"));
        Files.delete(s.resolve("mean_amplitude.tif"));
        String without = Files.readString(Reports.write(s, tmp.resolve("o2")).page());
        assertTrue(without.contains("No mean_amplitude.tif in this run"));
        assertFalse(without.contains("alt=\"mean amplitude\""));
    }

    @Test
    void badInputIsReportedWithTheFileName() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Reports.write(empty, tmp.resolve("o")));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(
                bad.resolve("detections.csv"), "x_px,y_px,diameter_px,score\n1,2,abc,0.5\n");
        IOException io =
                assertThrows(IOException.class, () -> Reports.write(bad, tmp.resolve("o2")));
        assertTrue(
                io.getMessage().contains("detections.csv") && io.getMessage().contains("abc"),
                io.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunKind.parse("spectra"));
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static void assertBalanced(String html, String tag) {
        int open = count(html, "<" + tag + ">") + count(html, "<" + tag + " ");
        int close = count(html, "</" + tag + ">");
        assertEquals(open, close, "<" + tag + "> open/close");
    }
}
