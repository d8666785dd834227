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
