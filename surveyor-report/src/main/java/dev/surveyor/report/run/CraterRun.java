package dev.surveyor.report.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A crater run folder.
 *
 * <p>Files: {@code detections.csv} ({@code x_px,y_px,diameter_px,score}[{@code
 * ,lon_deg,lat_deg,diameter_km}]); the image (a raster named {@code image.*}, or the only raster in
 * the folder); optional {@code truth.csv} ({@code x_px,y_px,diameter_px}); optional {@code sfd.csv}
 * (a column whose name starts with {@code diameter} and one that starts with {@code cumulative});
 * optional {@code sfd.json}, {@code age.json} or {@code summary.json} whose values (e.g. the model
 * age) are shown in a table.
 *
 * @param dir the folder
 * @param image the image file, if one was found
 * @param detections the detections
 * @param truth the truth craters, when {@code truth.csv} exists
 * @param diameterKm detection diameters in km (same order), when the CSV has {@code diameter_km}
 * @param sfd the size-frequency table, when {@code sfd.csv} or {@code cumulative.csv} exists
 * @param isochron the model-age isochron, when {@code isochron.csv} exists
 * @param summary flattened values of the JSON files, prefixed by the file name
 */
public record CraterRun(
        Path dir,
        Optional<Path> image,
        List<CraterCircle> detections,
        Optional<List<CraterCircle>> truth,
        Optional<double[]> diameterKm,
        Optional<CsvTable> sfd,
        Optional<CsvTable> isochron,
        Map<String, String> summary) {

    /** Reads a crater run folder. */
    public static CraterRun load(Path dir) throws IOException {
        CsvTable det = CsvTable.read(dir.resolve("detections.csv"));
        List<CraterCircle> detections = circles(det, true);
        Optional<List<CraterCircle>> truth = Optional.empty();
        Path t = dir.resolve("truth.csv");
        if (Files.isRegularFile(t)) {
            truth = Optional.of(circles(CsvTable.read(t), false));
        }
        Optional<double[]> km =
                det.has("diameter_km") ? Optional.of(det.doubles("diameter_km")) : Optional.empty();
        Path s = dir.resolve("sfd.csv");
        if (!Files.isRegularFile(s)) {
            s = dir.resolve("cumulative.csv");
        }
        Optional<CsvTable> sfd =
                Files.isRegularFile(s) ? Optional.of(CsvTable.read(s)) : Optional.empty();
        Path iso = dir.resolve("isochron.csv");
        Optional<CsvTable> isochron =
                Files.isRegularFile(iso) ? Optional.of(CsvTable.read(iso)) : Optional.empty();
        Map<String, String> summary = new LinkedHashMap<>();
        for (String name : List.of("sfd.json", "age.json", "summary.json")) {
            JsonSummary.read(dir.resolve(name)).forEach((k, v) -> summary.put(k, v));
        }
        return new CraterRun(dir, findImage(dir), detections, truth, km, sfd, isochron, summary);
    }

    static Optional<Path> findImage(Path dir) throws IOException {
        Optional<Path> named = RasterLoading.find(dir, "image");
        if (named.isPresent()) {
            return named;
        }
        List<Path> rasters = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.filter(Files::isRegularFile)
                    .filter(RasterLoading::isRasterName)
                    .sorted()
                    .forEach(rasters::add);
        }
        return rasters.size() >= 1 ? Optional.of(rasters.get(0)) : Optional.empty();
    }

    private static List<CraterCircle> circles(CsvTable t, boolean scored) throws IOException {
        double[] x = t.doubles("x_px");
        double[] y = t.doubles("y_px");
        double[] d = t.doubles("diameter_px");
        double[] s = scored ? t.doubles("score") : null;
        List<CraterCircle> out = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            try {
                out.add(new CraterCircle(x[i], y[i], d[i], scored ? s[i] : Double.NaN));
            } catch (IllegalArgumentException e) {
                throw new dev.surveyor.core.raster.RasterFormatException(
                        t.file(), "row " + (i + 1) + ": " + e.getMessage());
            }
        }
        return List.copyOf(out);
    }
}
