package dev.surveyor.report;

import dev.surveyor.report.html.CoregistrationReport;
import dev.surveyor.report.html.CraterReport;
import dev.surveyor.report.html.HeightReport;
import dev.surveyor.report.html.IndexPage;
import dev.surveyor.report.html.InsarReport;
import dev.surveyor.report.run.CoregistrationRun;
import dev.surveyor.report.run.CraterRun;
import dev.surveyor.report.run.InsarRun;
import dev.surveyor.report.run.RunKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes self-contained HTML reports for analysis run folders.
 *
 * <p>A report is {@code outDir/report.html} plus PNG files in {@code outDir/img/} (linked by
 * relative path, or embedded when {@link ReportOptions#inlineImages} is set); the page needs no
 * network. {@link #writeIndex} writes an {@code index.html} linking several reports.
 *
 * <pre>{@code
 * ReportSummary c = Reports.write(Path.of("runs/craters"), Path.of("report/craters"));
 * ReportSummary h = Reports.write(Path.of("runs/height"), Path.of("report/height"));
 * Reports.writeIndex(Path.of("report"), "Surveyor demo", List.of(c, h));
 * }</pre>
 */
public final class Reports {
    private Reports() {}

    /** Writes the report of {@code runDir} (kind detected from its files) into {@code outDir}. */
    public static ReportSummary write(Path runDir, Path outDir) throws IOException {
        return write(runDir, RunKind.detect(runDir), outDir, null);
    }

    /**
     * Writes the report of {@code runDir} into {@code outDir}.
     *
     * @param kind the analysis, or null to detect it from the files
     * @param options settings, or null for defaults
     * @throws IllegalArgumentException when the folder is not a run folder of that kind
     * @throws IOException when a file cannot be read or written; bad file content throws {@link
     *     dev.surveyor.core.raster.RasterFormatException} naming the file
     */
    public static ReportSummary write(Path runDir, RunKind kind, Path outDir, ReportOptions options)
            throws IOException {
        ReportOptions opt = options == null ? new ReportOptions() : options.copy();
        opt.validate();
        RunKind k = kind == null ? RunKind.detect(runDir) : kind;
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException(runDir + ": not a folder");
        }
        Files.createDirectories(outDir);
        return switch (k) {
            case CRATERS -> CraterReport.write(CraterRun.load(runDir), outDir, opt);
            case HEIGHT -> HeightReport.write(runDir, outDir, opt);
            case INSAR -> InsarReport.write(InsarRun.load(runDir), outDir, opt);
            case COREGISTRATION ->
                    CoregistrationReport.write(CoregistrationRun.load(runDir), outDir, opt);
        };
    }

    /**
     * Writes {@code outDir/index.html} linking the given reports (relative links, so the folder can
     * be moved or zipped as a whole).
     *
     * @return the index file
     */
    public static Path writeIndex(Path outDir, String title, List<ReportSummary> reports)
            throws IOException {
        Files.createDirectories(outDir);
        return IndexPage.write(
                outDir.resolve("index.html"),
                title,
                "Reports of "
                        + reports.size()
                        + " run"
                        + (reports.size() == 1 ? "" : "s")
                        + ". Open a card for the full page.",
                reports);
    }
}
