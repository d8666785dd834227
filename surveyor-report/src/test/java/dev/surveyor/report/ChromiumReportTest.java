package dev.surveyor.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.testkit.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads reports of synthetic runs in headless Chromium (Debian {@code chromium}, no network) and
 * checks that every image loaded and no script error happened, as the page's own check script
 * reports in {@code #report-status}. Screenshots go to {@code target/report-screenshots/}. Skipped
 * when Chromium is not installed.
 */
class ChromiumReportTest {
    @TempDir Path tmp;

    @Test
    void reportsLoadWithoutErrorsAndAllImages() throws IOException {
        HeadlessChromium.require();
        HeadlessChromium chromium = new HeadlessChromium(tmp);
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
        ReportSummary rg =
                Reports.write(
                        SyntheticRuns.coregistration(tmp.resolve("runs/coreg")),
                        out.resolve("coregistration"));
        Path index = Reports.writeIndex(out, "Surveyor demo", List.of(rc, rh, ri, rg));
        Path shots = Path.of("target", "report-screenshots");
        String[] names = {"index", "craters", "height", "insar", "coregistration"};
        Path[] pages = {index, rc.page(), rh.page(), ri.page(), rg.page()};
        String[] doms = new String[pages.length];
        for (int i = 0; i < pages.length; i++) {
            doms[i] = chromium.assertPageLoads(pages[i], 3);
            chromium.screenshot(pages[i], shots.resolve(names[i] + ".png"));
        }
        // the crater slider's script ran: the stats table is filled in
        assertTrue(doms[1].contains("<th>detections shown</th>"), "slider stats not rendered");
        // the PS time-series script ran: the chart of the first point is drawn
        assertTrue(doms[3].contains("<polyline"), "time series chart not drawn");
    }
}
