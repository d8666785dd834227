package dev.surveyor.cli;

import dev.surveyor.cli.craters.CratersCommand;
import dev.surveyor.cli.height.HeightDemoStep;
import dev.surveyor.cli.insar.InsarCommand;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterF32;
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
 * detection on the bundled Mars HRSC crop; (4) height prediction on a synthetic scene; (5) PS-InSAR
 * on the bundled Sentinel-1 Houston stack; then an HTML report per analysis and an {@code
 * index.html}.
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
        Path index = Reports.writeIndex(out.resolve("report"), "Surveyor demo", reports);
        System.out.println("demo: outputs in " + out.toAbsolutePath());
        System.out.println("demo: report at " + index.toAbsolutePath());
        return SurveyorCli.EXIT_OK;
    }

    /** PS-InSAR on the bundled Houston stack, then its report. */
    private ReportSummary insarStep(Path stack) throws IOException {
        Path run = out.resolve("insar");
        runCommand(new InsarCommand(), "ps", "--stack", stack.toString(), "--out", run.toString());
        return Reports.write(run, out.resolve("report/insar"));
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
        return Reports.write(run, out.resolve("report/craters"));
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
        return Reports.write(run, RunKind.HEIGHT, out.resolve("report/height"), options);
    }

    /** Runs a sub-command as the CLI would, failing the demo when it fails. */
    private static void runCommand(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
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
