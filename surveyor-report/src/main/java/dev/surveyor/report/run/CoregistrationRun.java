package dev.surveyor.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surveyor.core.raster.RasterFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A co-registration run folder, as {@code surveyor insar coregister} writes it: {@code offsets.csv}
 * ({@code date,dx_px,dy_px[,matches][,residual_px][,patches][,model]}, offsets = secondary minus
 * reference position in pixels, x = column, y = row), optional {@code matches.csv} (see {@link
 * InsarRun}; both {@code x_ref,y_ref,x_sec,y_sec} and {@code ref_x,ref_y,sec_x,sec_y} column names
 * are read) and {@code stack.json} (its reference acquisition's GeoTIFF is the background of the
 * matches plot). Optional {@code true_offsets.csv} ({@code date,dx_px,dy_px}, same convention)
 * holds known shifts of a synthetic test, and {@code summary.json} values shown on the page; its
 * {@code note} value is shown under the title.
 *
 * @param dir the folder
 * @param offsets the estimated offsets per date
 * @param matches the feature matches, when present
 * @param trueOffsets the known offsets, when present
 * @param referenceImage the reference date's (co-registered) SLC, when the manifest names one that
 *     exists
 * @param summary flattened {@code summary.json}
 */
public record CoregistrationRun(
        Path dir,
        CsvTable offsets,
        Optional<CsvTable> matches,
        Optional<CsvTable> trueOffsets,
        Optional<Path> referenceImage,
        Map<String, String> summary) {

    /** Reads a co-registration run folder. */
    public static CoregistrationRun load(Path dir) throws IOException {
        CsvTable offsets = CsvTable.read(dir.resolve("offsets.csv"));
        return new CoregistrationRun(
                dir,
                offsets,
                optionalCsv(dir.resolve("matches.csv")),
                optionalCsv(dir.resolve("true_offsets.csv")),
                referenceImage(dir.resolve("stack.json")),
                JsonSummary.read(dir.resolve("summary.json")));
    }

    static Optional<CsvTable> optionalCsv(Path p) throws IOException {
        return Files.isRegularFile(p) ? Optional.of(CsvTable.read(p)) : Optional.empty();
    }

    /** The file of the reference date's acquisition in a stack manifest, if it exists. */
    static Optional<Path> referenceImage(Path manifest) throws IOException {
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(manifest.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RasterFormatException(manifest, "not valid JSON: " + e.getOriginalMessage());
        }
        String ref = root.path("reference_date").asText("");
        for (JsonNode a : root.path("acquisitions")) {
            if (a.path("date").asText("").equals(ref) && a.hasNonNull("file")) {
                Path f = manifest.getParent().resolve(a.path("file").asText());
                String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if (Files.isRegularFile(f) && (n.endsWith(".tif") || n.endsWith(".tiff"))) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }
}
