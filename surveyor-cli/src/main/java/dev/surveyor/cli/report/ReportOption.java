package dev.surveyor.cli.report;

import dev.surveyor.report.ReportSummary;
import dev.surveyor.report.Reports;
import dev.surveyor.report.run.RunKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --report DIR} option shared by the analysis commands: after the analysis has written
 * its outputs, write the same self-contained HTML page {@code surveyor report} would write for
 * them, into {@code DIR/report.html} (+ {@code DIR/img/}).
 *
 * <p>Commands whose outputs are a folder in the report's layout ({@code insar ps}, {@code insar
 * coregister}) pass that folder. Commands that write single files ({@code craters detect}, {@code
 * height predict}) name their files by role; they are linked (or, where links are not possible,
 * copied) under the names the report reads into {@code DIR/run/}, so the page can be regenerated
 * later with {@code surveyor report --run DIR/run}. Nothing the user had is modified.
 *
 * <p>Use: {@code @Mixin ReportOption report;} then, at the end of {@code call()}, {@code
 * report.writeFolder(RunKind.INSAR, out)} or {@code report.writeFiles(RunKind.CRATERS,
 * Map.of("detections.csv", det, "image.tif", image))}.
 */
public final class ReportOption {
    @Option(
            names = "--report",
            paramLabel = "DIR",
            description =
                    "Also write a self-contained HTML report of this run into DIR"
                            + " (as `surveyor report` does).")
    Path reportDir;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /**
     * The name a report reads an input image under: {@code image} plus the file's own extension (so
     * its format is still recognised).
     */
    public static String imageName(Path image) {
        String n = image.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "image" : "image" + n.substring(dot).toLowerCase(java.util.Locale.ROOT);
    }

    /** True when {@code --report} was given. */
    public boolean requested() {
        return reportDir != null;
    }

    /**
     * Writes the report of a run folder, if requested.
     *
     * @return the page written, or null when {@code --report} was not given
     */
    public Path writeFolder(RunKind kind, Path runDir) throws IOException {
        if (reportDir == null) {
            return null;
        }
        ReportSummary s = Reports.write(runDir, kind, reportDir, null);
        PrintWriter out =
                mixee != null ? mixee.commandLine().getOut() : new PrintWriter(System.out, true);
        out.println("report: " + s.page().toAbsolutePath());
        out.flush();
        return s.page();
    }

    /**
     * Writes the report of a run made of single files, if requested.
     *
     * @param files the run's files by the name the report reads them under (e.g. {@code
     *     detections.csv}, {@code image.tif}, {@code truth.csv}, {@code height.tif}); null values
     *     are skipped
     * @return the page written, or null when {@code --report} was not given
     */
    public Path writeFiles(RunKind kind, Map<String, Path> files) throws IOException {
        if (reportDir == null) {
            return null;
        }
        Path run = reportDir.resolve("run");
        Files.createDirectories(run);
        Map<String, Path> present = new LinkedHashMap<>();
        files.forEach(
                (name, file) -> {
                    if (file != null) {
                        present.put(name, file);
                    }
                });
        for (Map.Entry<String, Path> e : present.entrySet()) {
            Path target = e.getValue().toAbsolutePath().normalize();
            Path link = run.resolve(e.getKey());
            Files.deleteIfExists(link);
            try {
                Files.createSymbolicLink(link, target);
            } catch (UnsupportedOperationException | IOException notSupported) {
                Files.copy(target, link);
            }
        }
        return writeFolder(kind, run);
    }
}
