package dev.surveyor.report;

import dev.surveyor.report.run.RunKind;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What one written report is, for an index page.
 *
 * @param kind the analysis
 * @param title page title
 * @param page the HTML file written
 * @param headline a few key numbers (name to formatted value), in display order
 * @param thumbnail a small preview PNG beside the page, when there is one
 */
public record ReportSummary(
        RunKind kind,
        String title,
        Path page,
        Map<String, String> headline,
        Optional<Path> thumbnail) {}
