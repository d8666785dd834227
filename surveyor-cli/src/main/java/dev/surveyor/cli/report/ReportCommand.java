package dev.surveyor.cli.report;

import dev.surveyor.report.ReportOptions;
import dev.surveyor.report.ReportSummary;
import dev.surveyor.report.Reports;
import dev.surveyor.report.run.RunKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code surveyor report --run DIR [--run DIR2 ...] [--kind craters|height|insar|coregistration]
 * --out DIR}: a self-contained HTML report per run folder. One run: {@code OUT/report.html}.
 * Several runs: {@code OUT/<run folder name>/report.html} each and {@code OUT/index.html} linking
 * them.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write a self-contained HTML report (no network needed) for analysis run folders.",
            "The kind is detected from the files: ps.csv = insar, detections.csv = craters,"
                    + " offsets.csv = coregistration (surveyor insar coregister's output folder),"
                    + " height.tif = height."
        })
public final class ReportCommand implements Callable<Integer> {
    @Option(
            names = "--run",
            required = true,
            paramLabel = "DIR",
            description = "Run folder (repeat for several).")
    List<Path> runs;

    @Option(
            names = "--kind",
            paramLabel = "KIND",
            description = "craters, height, insar or coregistration (default: detect).")
    String kind;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(
            names = "--title",
            defaultValue = "Surveyor reports",
            description = "Title of the index page (several runs).")
    String title;

    @Option(
            names = "--inline-images",
            description = "Embed images in the page (one file) instead of img/*.png.")
    boolean inlineImages;

    @Option(
            names = "--max-points",
            defaultValue = "5000",
            paramLabel = "N",
            description =
                    "Most clickable PS points on the InSAR page (highest coherence kept). Default: ${DEFAULT-VALUE}.")
    int maxPoints;

    @Option(
            names = "--min-diameter-px",
            defaultValue = "0",
            paramLabel = "PX",
            description =
                    "Craters: drop truth craters smaller than this when scoring. Default: ${DEFAULT-VALUE}.")
    double minDiameterPx;

    @Option(
            names = "--max-image-side",
            defaultValue = "1400",
            paramLabel = "PX",
            description = "Largest side of rendered rasters in pixels. Default: ${DEFAULT-VALUE}.")
    int maxImageSide;

    @Option(
            names = "--rgb-bands",
            split = ",",
            paramLabel = "R,G,B",
            description =
                    "1-based bands shown as red, green, blue for multi-band images (e.g. 3,2,1 for ZY-3). Default: 1,2,3.")
    int[] rgbBands;

    @Override
    public Integer call() throws IOException {
        ReportOptions o = new ReportOptions();
        o.inlineImages = inlineImages;
        o.maxInteractivePoints = maxPoints;
        o.craterMinDiameterPx = minDiameterPx;
        o.maxImageSidePx = maxImageSide;
        if (rgbBands != null) {
            if (rgbBands.length != 3) {
                throw new IllegalArgumentException(
                        "--rgb-bands needs 3 band numbers, got " + rgbBands.length);
            }
            o.rgbBands = new int[] {rgbBands[0] - 1, rgbBands[1] - 1, rgbBands[2] - 1};
        }
        o.validate();
        RunKind k = kind == null ? null : RunKind.parse(kind);
        if (runs.size() == 1) {
            ReportSummary s = Reports.write(runs.get(0), k, out, o);
            System.out.println("report: " + s.page().toAbsolutePath());
            return 0;
        }
        List<ReportSummary> done = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path run : runs) {
            String base = String.valueOf(run.toAbsolutePath().normalize().getFileName());
            String name = base;
            for (int i = 2; !names.add(name); i++) {
                name = base + "-" + i;
            }
            ReportSummary s = Reports.write(run, k, out.resolve(name), o);
            System.out.println("report: " + s.page().toAbsolutePath());
            done.add(s);
        }
        Path index = Reports.writeIndex(out, title, done);
        System.out.println("index: " + index.toAbsolutePath());
        return 0;
    }
}
