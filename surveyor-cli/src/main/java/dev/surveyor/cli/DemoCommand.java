package dev.surveyor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.cli.craters.CratersCommand;
import dev.surveyor.cli.height.HeightDemoStep;
import dev.surveyor.cli.insar.InsarCommand;
import dev.surveyor.core.geo.GeoReferencer;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.core.raster.Rasters;
import dev.surveyor.core.tile.ConfigTileStitcher;
import dev.surveyor.core.tile.EdgeMode;
import dev.surveyor.core.tile.Tile;
import dev.surveyor.core.tile.TileGrid;
import dev.surveyor.core.tile.TileStitcher;
import dev.surveyor.io.AtomicFiles;
import dev.surveyor.io.RasterIO;
import dev.surveyor.io.RasterSource;
import dev.surveyor.report.ReportOptions;
import dev.surveyor.report.ReportSummary;
import dev.surveyor.report.Reports;
import dev.surveyor.report.run.RunKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code surveyor demo}: runs the main jobs on the bundled samples and says where the outputs are.
 *
 * <p>Steps: (1) {@code surveyor info} of the bundled GeoTIFF; (2) a tiling round trip: the scene is
 * cut into overlapping tiles read with windowed reads, stitched back with blending weights, checked
 * against a full read and written as a GeoTIFF with the input's georeferencing; (3) crater
 * detection on the bundled Mars HRSC crop and its model age (Mars chronology, counting area = the
 * crop's footprint); (4) height prediction on a synthetic scene; (5) PS-InSAR on the bundled
 * Sentinel-1 Houston stack; (6) co-registration of a synthetic SLC stack with known sub-pixel
 * shifts ({@link DemoCoregistrationStep}); then an HTML report per analysis and an {@code
 * index.html}. Every step prints a summary line; long ones draw a progress bar with ETA on a
 * terminal.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Run the main jobs on the bundled samples (samples/) and write outputs to --out.")
public final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--samples",
            description = "Folder with the bundled samples (default: <surveyor home>/samples).")
    Path samples;

    @Option(
            names = "--out",
            defaultValue = "demo-out",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path sampleDir = samples != null ? samples : defaultSamples();
        Path scene = sampleDir.resolve("hrsc-nanedi-512.tif");
        if (!Files.isRegularFile(scene)) {
            throw new java.nio.file.NoSuchFileException(scene.toString());
        }
        Files.createDirectories(out);
        infoStep(scene);
        tilingStep(scene);
        List<ReportSummary> reports = new ArrayList<>();
        reports.add(cratersStep(scene, sampleDir.resolve("hrsc-nanedi-512-craters.csv")));
        reports.add(heightStep(home().resolve("models/height-zy3")));
        reports.add(insarStep(sampleDir.resolve("houston-s1/stack.json")));
        reports.add(coregistrationStep());
        Path index = Reports.writeIndex(out.resolve("report"), "Surveyor demo", reports);
        System.out.println("demo: outputs in " + out.toAbsolutePath());
        System.out.println("demo: report at " + index.toAbsolutePath());
        return SurveyorCli.EXIT_OK;
    }

    /** PS-InSAR on the bundled Houston stack, then its report. */
    private ReportSummary insarStep(Path stack) throws IOException {
        Path run = out.resolve("insar");
        runCommand(new InsarCommand(), "ps", "--stack", stack.toString(), "--out", run.toString());
        return report(run, null, out.resolve("report/insar"), null);
    }

    /** Co-registration of a synthetic SLC stack with known shifts, then its report. */
    private ReportSummary coregistrationStep() throws IOException {
        CliProgress progress = new CliProgress();
        progress.start("coregistration", -1);
        DemoCoregistrationStep.Result r = DemoCoregistrationStep.run(out.resolve("coregistration"));
        progress.finish(
                String.format(
                        Locale.ROOT,
                        "synthetic 5-date SLC stack with known sub-pixel shifts co-registered onto %s:"
                                + " max |error| %.3f px, RMS %.3f px -> %s",
                        r.reference(),
                        r.maxErrorPx(),
                        r.rmsErrorPx(),
                        r.runDir()));
        return report(r.runDir(), null, out.resolve("report/coregistration"), null);
    }

    /** Writes one report with a summary line. */
    private static ReportSummary report(
            Path run, RunKind kind, Path reportDir, ReportOptions options) throws IOException {
        CliProgress progress = new CliProgress();
        progress.start("report", -1);
        ReportSummary r = Reports.write(run, kind, reportDir, options);
        progress.finish(r.kind().cliName() + " page -> " + r.page());
        return r;
    }

    /**
     * Craters: the shipped Mars model (fine-tuned from the lunar one) on the bundled HRSC crop,
     * which lies in that model's test part, scored against its hand labels in the report.
     */
    private ReportSummary cratersStep(Path scene, Path truth) throws IOException {
        Path run = out.resolve("craters");
        Files.createDirectories(run);
        Path model = home().resolve("models/craters-mars-hrsc");
        runCommand(
                new CratersCommand(),
                "detect",
                "--model",
                model.toString(),
                "--image",
                scene.toString(),
                "--out",
                run.resolve("detections.csv").toString());
        // the report reads image.* and truth.csv beside detections.csv
        Files.copy(scene, run.resolve("image.tif"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(truth, run.resolve("truth.csv"), StandardCopyOption.REPLACE_EXISTING);
        ageStep(scene, run);
        return report(run, null, out.resolve("report/craters"), null);
    }

    /** Smallest crater diameter (px) of the demo's age fit. */
    static final int AGE_MIN_PX = 20;

    /**
     * Model age of the crater counts with the Mars chronology (body, counting area and pixel size
     * from the sample's georeferencing), fitted to craters of at least {@link #AGE_MIN_PX} px:
     * below about that size the cumulative counts of this crop roll over (detection and hand
     * labelling are incomplete at 12.5 m/px), and a fit from 10 px gives 1.4 Ga instead of about
     * 3.5 Ga. The same fit on the hand labels goes to {@code summary.json}.
     */
    private void ageStep(Path scene, Path run) throws IOException {
        CliProgress progress = new CliProgress();
        progress.start("age", -1);
        double pixelM;
        try (RasterSource src = RasterIO.open(scene)) {
            GeoReferencer g =
                    GeoReferencer.of(
                            src.geometry()
                                    .orElseThrow(
                                            () ->
                                                    new RasterFormatException(
                                                            scene, "no georeferencing")));
            var ps = g.pixelSizeM(src.width() / 2.0, src.height() / 2.0);
            pixelM = Math.sqrt(ps.xM() * ps.yM());
        }
        String dMin = String.format(Locale.ROOT, "%.6f", AGE_MIN_PX * pixelM / 1000);
        runCapturing(
                new CratersCommand(),
                "sfd",
                "--catalog",
                run.resolve("detections.csv").toString(),
                "--image",
                scene.toString(),
                "--min-diameter-km",
                dMin,
                "--out",
                run.toString());
        Path labels = run.resolve("sfd-hand-labels");
        runCapturing(
                new CratersCommand(),
                "sfd",
                "--catalog",
                run.resolve("truth.csv").toString(),
                "--image",
                scene.toString(),
                "--min-diameter-km",
                dMin,
                "--out",
                labels.toString());
        ObjectMapper m = new ObjectMapper();
        JsonNode det = m.readTree(run.resolve("age.json").toFile());
        JsonNode lab = m.readTree(labels.resolve("age.json").toFile());
        ObjectNode summary = m.createObjectNode();
        summary.put(
                "note",
                "Model age from the detections (age.json) and, for comparison, from the hand"
                        + " labels (sfd-hand-labels/age.json), both on the crop's footprint with"
                        + " craters >= "
                        + AGE_MIN_PX
                        + " px: below that the cumulative counts roll over (incomplete detection"
                        + " and labelling), so smaller craters would bias the age young.");
        summary.put("handLabelsModelAgeGa", lab.path("ageGa").asDouble());
        summary.put("handLabelsModelAgeLowGa", lab.path("ageLowGa").asDouble());
        summary.put("handLabelsModelAgeHighGa", lab.path("ageHighGa").asDouble());
        summary.put("handLabelsCountInFit", lab.path("count").asInt());
        AtomicFiles.writeString(
                run.resolve("summary.json"),
                m.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        progress.finish(
                String.format(
                        Locale.ROOT,
                        "%s: model age %.2f Ga (1-sigma %.2f - %.2f) from %d detected craters >= %s"
                                + " km on %.1f km^2 (hand labels: %.2f Ga from %d); indicative, the"
                                + " crop is small",
                        det.path("chronologySystem").asText(),
                        det.path("ageGa").asDouble(),
                        det.path("ageLowGa").asDouble(),
                        det.path("ageHighGa").asDouble(),
                        det.path("count").asInt(),
                        String.format(Locale.ROOT, "%.3f", AGE_MIN_PX * pixelM / 1000),
                        det.path("areaKm2").asDouble(),
                        lab.path("ageGa").asDouble(),
                        lab.path("count").asInt()));
    }

    /** Height: a synthetic ZY-3-like scene predicted with the shipped model, then its report. */
    private ReportSummary heightStep(Path model) throws IOException {
        CliProgress progress = new CliProgress();
        progress.start("height", -1);
        String summary = HeightDemoStep.run(model, out);
        Path run = out.resolve("height");
        // the report reads image.* and truth.* beside height.tif
        Files.copy(
                run.resolve("scene/img/img_syn1000.tif"),
                run.resolve("image.tif"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                run.resolve("scene/lab/lab_syn1000.tif"),
                run.resolve("truth.tif"),
                StandardCopyOption.REPLACE_EXISTING);
        progress.finish(summary.replaceFirst("^height: ", ""));
        ReportOptions options = new ReportOptions();
        options.rgbBands = new int[] {2, 1, 0}; // ZY-3 band order: blue, green, red, NIR
        return report(run, RunKind.HEIGHT, out.resolve("report/height"), options);
    }

    /** Runs a sub-command as the CLI would, failing the demo when it fails. */
    private static void runCommand(Object command, String... args) {
        execute(command, null, args);
    }

    /**
     * Runs a sub-command as {@link #runCommand} does and returns what it printed to its output
     * writer (instead of showing it).
     */
    static String runCapturing(Object command, String... args) {
        StringWriter outText = new StringWriter();
        execute(command, new PrintWriter(outText, true), args);
        return outText.toString();
    }

    /** Executes a sub-command (its output to {@code out} when not null), throwing when it fails. */
    private static void execute(Object command, PrintWriter out, String... args) {
        CommandLine cl = new CommandLine(command);
        if (out != null) {
            cl.setOut(out);
        }
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(
                (ex, c, pr) -> {
                    throw ex;
                });
        int code = cl.execute(args);
        if (code != SurveyorCli.EXIT_OK) {
            throw new IllegalStateException(
                    "demo step '"
                            + String.join(" ", args)
                            + "' failed (exit "
                            + code
                            + "): "
                            + err.toString().strip());
        }
    }

    private void infoStep(Path scene) throws Exception {
        CliProgress progress = new CliProgress();
        progress.start("info", -1);
        StringWriter buf = new StringWriter();
        CommandLine cl = new CommandLine(new InfoCommand());
        cl.setOut(new PrintWriter(buf));
        int code = cl.execute(scene.toString());
        if (code != SurveyorCli.EXIT_OK) {
            throw new IllegalStateException(
                    "surveyor info " + scene + " failed with exit code " + code);
        }
        String text = buf.toString();
        Path infoFile = out.resolve("info.txt");
        AtomicFiles.writeString(infoFile, text);
        String size = text.lines().filter(l -> l.startsWith("Size:")).findFirst().orElse("");
        progress.finish(
                scene.getFileName() + ": " + size.replace("Size: ", "") + " -> " + infoFile);
    }

    private void tilingStep(Path scene) throws IOException {
        CliProgress progress = new CliProgress();
        try (RasterSource src = RasterIO.open(scene)) {
            TileGrid grid = TileGrid.of(src.width(), src.height(), 192, 32, EdgeMode.SHIFT);
            TileStitcher stitcher = TileStitcher.create(grid, new ConfigTileStitcher());
            progress.start("tiling", grid.numTiles());
            for (Tile t : grid.tiles()) {
                var w = t.read();
                RasterF32 tile =
                        Rasters.toFloat(
                                src.readBand(0, w.x0(), w.y0(), w.width(), w.height()), Double.NaN);
                stitcher.add(t, tile);
                progress.advance(1);
            }
            RasterF32 stitched = stitcher.result();
            RasterF32 full =
                    Rasters.toFloat(src.readBand(0, 0, 0, src.width(), src.height()), Double.NaN);
            double maxDiff = 0;
            for (int y = 0; y < full.height(); y++) {
                for (int x = 0; x < full.width(); x++) {
                    maxDiff =
                            Math.max(
                                    maxDiff,
                                    Math.abs(full.unsafeGet(x, y) - stitched.unsafeGet(x, y)));
                }
            }
            if (!(maxDiff <= 1e-3)) {
                throw new IllegalStateException(
                        "tiling round trip differs from the scene by " + maxDiff);
            }
            Path target = out.resolve("tiling-stitched.tif");
            RasterIO.write(
                    new RasterDataset(
                            MultiBandRaster.of(stitched),
                            src.geometry().orElse(null),
                            src.noData(),
                            null),
                    target);
            progress.finish(
                    String.format(
                            Locale.ROOT,
                            "%d tiles of %d px with %d px overlap stitched back, max |difference| %.2g -> %s",
                            grid.numTiles(),
                            grid.tileSizePx(),
                            grid.overlapPx(),
                            maxDiff,
                            target));
        }
    }

    private static Path defaultSamples() {
        return home().resolve("samples");
    }

    /**
     * The repository: {@code surveyor.home} (set by {@code bin/surveyor}), else the nearest folder
     * at or above the working directory that holds {@code samples/} and {@code models/}.
     */
    static Path home() {
        String home = System.getProperty("surveyor.home");
        if (home != null) {
            return Paths.get(home);
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples")) && Files.isDirectory(p.resolve("models"))) {
                return p;
            }
        }
        return Paths.get("");
    }
}
