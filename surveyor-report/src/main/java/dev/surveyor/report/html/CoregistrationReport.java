package dev.surveyor.report.html;

import dev.surveyor.report.ReportOptions;
import dev.surveyor.report.ReportSummary;
import dev.surveyor.report.run.CoregistrationRun;
import dev.surveyor.report.run.RunKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The co-registration page: estimated offsets per date (and the known shifts with the errors when
 * the run has {@code true_offsets.csv}), the offsets over time, the feature matches and the matched
 * features on the reference amplitude, and the run's {@code summary.json}.
 */
public final class CoregistrationReport {
    private CoregistrationReport() {}

    /** Writes {@code outDir/report.html} and its images for a co-registration run. */
    public static ReportSummary write(CoregistrationRun run, Path outDir, ReportOptions opt)
            throws IOException {
        ImageStore images = new ImageStore(outDir, opt.inlineImages);
        String name = String.valueOf(run.dir().toAbsolutePath().normalize().getFileName());
        String title = "Co-registration — " + name;
        String note = run.summary().getOrDefault("note", "");
        String sub =
                (note.isEmpty() ? "" : "<strong>" + Html.esc(note) + "</strong><br>")
                        + Html.count(run.offsets().size())
                        + " dates. Folder: <code>"
                        + Html.esc(run.dir().toString())
                        + "</code>";
        HtmlPage page = new HtmlPage(title, sub);
        List<CoregistrationSection.Errors> errors = new ArrayList<>();
        page.section(
                "Offsets and matches",
                "Offsets of each secondary image against the reference: secondary minus reference"
                        + " position in pixels (x = column, y = row)"
                        + (run.trueOffsets().isPresent()
                                ? "; the true shifts are the known ones the test stack was made"
                                        + " with (true_offsets.csv)."
                                : "."));
        page.raw(
                CoregistrationSection.html(
                        Optional.of(run.offsets()),
                        run.matches(),
                        run.trueOffsets(),
                        run.referenceImage(),
                        images,
                        opt.maxImageSidePx,
                        errors));
        page.endSection();
        Map<String, String> headline = new LinkedHashMap<>();
        headline.put("dates", Html.count(run.offsets().size()));
        if (!errors.isEmpty()) {
            CoregistrationSection.Errors e = errors.get(0);
            headline.put("max |error| [px]", Html.num(e.maxAbsErrorPx(), 3));
            headline.put("RMS error [px]", Html.num(e.rmsErrorPx(), 3));
            page.section(
                    "Accuracy against the known shifts",
                    "Over the "
                            + e.dates()
                            + " dates with a known shift (the reference included).");
            Map<String, String> m = new LinkedHashMap<>();
            m.put("dates compared", String.valueOf(e.dates()));
            m.put("max |estimated − true| [px]", Html.num(e.maxAbsErrorPx(), 4));
            m.put("RMS |estimated − true| [px]", Html.num(e.rmsErrorPx(), 4));
            page.raw(Html.keyValues(m));
            page.endSection();
        }
        if (!run.summary().isEmpty()) {
            page.section("Run summary", "Values from summary.json.");
            page.raw("<div class=\"scroll\">" + Html.keyValues(run.summary()) + "</div>");
            page.endSection();
        }
        Optional<Path> thumb = Optional.empty();
        for (String img : List.of("offsets", "matches_on_reference", "matches")) {
            Path p = outDir.resolve(ImageStore.fileHref(img));
            if (Files.isRegularFile(p)) {
                thumb = Optional.of(p);
                break;
            }
        }
        Path html = outDir.resolve("report.html");
        page.write(html);
        return new ReportSummary(RunKind.COREGISTRATION, title, html, headline, thumb);
    }
}
