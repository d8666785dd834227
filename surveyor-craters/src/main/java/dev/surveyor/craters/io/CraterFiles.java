package dev.surveyor.craters.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.craters.Crater;
import dev.surveyor.craters.CraterCatalog;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Readers and writers of crater tables.
 *
 * <p>Coordinates: all files are read into pixel coordinates with the origin at the top-left corner
 * of the top-left pixel. LRO NAC boxes {@code (X, Y, W, H)} become the centre {@code (X + W/2, Y +
 * H/2)} (the file's {@code C_X, CY} are the same values rounded) and the diameter {@code (W + H) /
 * 2}. COCO boxes {@code [x, y, w, h]} likewise.
 */
public final class CraterFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CraterFiles() {}

    /**
     * Reads an LRO NAC label file (header {@code ID X Y W H C_X CY}, separated by commas, tabs or
     * spaces).
     */
    public static CraterCatalog readLroNac(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new RasterFormatException(file + ": empty label file");
        }
        String[] head = split(lines.get(0));
        int ix = indexOf(head, "X", file);
        int iy = indexOf(head, "Y", file);
        int iw = indexOf(head, "W", file);
        int ih = indexOf(head, "H", file);
        List<Crater> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = split(line);
            double x = num(f, ix, file, i);
            double y = num(f, iy, file, i);
            double w = num(f, iw, file, i);
            double h = num(f, ih, file, i);
            if (!(w > 0 && h > 0)) {
                throw new RasterFormatException(
                        file
                                + ": line "
                                + (i + 1)
                                + ": box size must be positive, got "
                                + w
                                + "x"
                                + h);
            }
            out.add(Crater.truth(x + w / 2, y + h / 2, (w + h) / 2));
        }
        return new CraterCatalog(out, file.toString());
    }

    /**
     * Reads a CSV with a header and the columns {@code x, y, diameter} in pixels (any names; the
     * first three columns are used, as in PyCDA's {@code long,lat,diameter} which hold x, y,
     * diameter in pixels). An optional fourth column named {@code score} is read as the score.
     * Pixel coordinates are taken as given (corner origin).
     */
    public static CraterCatalog readXyDiameterCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new RasterFormatException(file + ": empty CSV");
        }
        String[] head = split(lines.get(0));
        if (head.length < 3) {
            throw new RasterFormatException(
                    file + ": expected at least 3 columns x,y,diameter, got " + lines.get(0));
        }
        int scoreCol = -1;
        for (int k = 0; k < head.length; k++) {
            if (head[k].strip().equalsIgnoreCase("score")) {
                scoreCol = k;
            }
        }
        int cx = 0, cy = 1, cd = 2;
        // Detection CSVs written by this module: x_px,y_px,diameter_px,score.
        for (int k = 0; k < head.length; k++) {
            String h = head[k].strip().toLowerCase(Locale.ROOT);
            if (h.equals("x_px")) cx = k;
            if (h.equals("y_px")) cy = k;
            if (h.equals("diameter_px")) cd = k;
        }
        List<Crater> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = split(line);
            double d = num(f, cd, file, i);
            if (!(d > 0)) {
                throw new RasterFormatException(
                        file + ": line " + (i + 1) + ": diameter must be positive, got " + d);
            }
            double s = scoreCol >= 0 ? num(f, scoreCol, file, i) : 1.0;
            out.add(new Crater(num(f, cx, file, i), num(f, cy, file, i), d, s));
        }
        return new CraterCatalog(out, file.toString());
    }

    /**
     * Writes detections as CSV {@code x_px,y_px,diameter_px,score} (no geographic columns).
     *
     * @param out the writer; not closed
     */
    public static void writeDetectionsCsv(List<Crater> craters, Writer out) throws IOException {
        out.write("x_px,y_px,diameter_px,score\n");
        for (Crater c : craters) {
            out.write(
                    String.format(
                            Locale.ROOT,
                            "%.3f,%.3f,%.3f,%.5f%n",
                            c.xPx(),
                            c.yPx(),
                            c.diameterPx(),
                            c.score()));
        }
    }

    /**
     * Reads a COCO detection JSON: returns, per image file name, its craters (box centre and mean
     * side). {@code score} is read from result-style annotations when present.
     */
    public static Map<String, CraterCatalog> readCoco(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RasterFormatException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode images = root.path("images");
        JsonNode anns = root.path("annotations");
        if (!images.isArray() || !anns.isArray()) {
            throw new RasterFormatException(
                    file + ": COCO JSON needs 'images' and 'annotations' arrays");
        }
        Map<Long, String> names = new LinkedHashMap<>();
        Map<String, List<Crater>> lists = new LinkedHashMap<>();
        for (JsonNode im : images) {
            String name = im.path("file_name").asText();
            names.put(im.path("id").asLong(), name);
            lists.put(name, new ArrayList<>());
        }
        for (JsonNode a : anns) {
            long id = a.path("image_id").asLong();
            String name = names.get(id);
            JsonNode b = a.path("bbox");
            if (name == null || !b.isArray() || b.size() != 4) {
                throw new RasterFormatException(
                        file
                                + ": annotation "
                                + a.path("id").asText()
                                + " has image_id "
                                + id
                                + " or bbox "
                                + b
                                + " that is not valid");
            }
            double w = b.get(2).asDouble(), h = b.get(3).asDouble();
            if (!(w > 0 && h > 0)) {
                throw new RasterFormatException(
                        file + ": annotation bbox size must be positive, got " + b);
            }
            double s = a.has("score") ? a.get("score").asDouble() : 1.0;
            lists.get(name)
                    .add(
                            new Crater(
                                    b.get(0).asDouble() + w / 2,
                                    b.get(1).asDouble() + h / 2,
                                    (w + h) / 2,
                                    s));
        }
        Map<String, CraterCatalog> out = new LinkedHashMap<>();
        lists.forEach((k, v) -> out.put(k, new CraterCatalog(v, file + "#" + k)));
        return out;
    }

    /**
     * Writes a COCO detection JSON with one category {@code crater} (id 1): each crater becomes its
     * circumscribed square box; scores below 1 are written as {@code score}.
     *
     * @param images image file name -> craters, in the order to write
     * @param sizes image file name -> {width, height} in pixels (may lack entries: then 0)
     */
    public static void writeCoco(
            Map<String, CraterCatalog> images, Map<String, int[]> sizes, Path file)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode ims = root.putArray("images");
        ArrayNode anns = root.putArray("annotations");
        ArrayNode cats = root.putArray("categories");
        cats.addObject().put("id", 1).put("name", "crater");
        long imageId = 0, annId = 0;
        for (Map.Entry<String, CraterCatalog> e : images.entrySet()) {
            imageId++;
            int[] wh = sizes.getOrDefault(e.getKey(), new int[] {0, 0});
            ims.addObject()
                    .put("id", imageId)
                    .put("file_name", e.getKey())
                    .put("width", wh[0])
                    .put("height", wh[1]);
            for (Crater c : e.getValue().craters()) {
                annId++;
                ObjectNode a = anns.addObject();
                double d = c.diameterPx();
                a.put("id", annId).put("image_id", imageId).put("category_id", 1);
                ArrayNode b = a.putArray("bbox");
                b.add(c.xPx() - d / 2).add(c.yPx() - d / 2).add(d).add(d);
                a.put("area", d * d).put("iscrowd", 0);
                if (c.score() < 1) {
                    a.put("score", c.score());
                }
            }
        }
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static String[] split(String line) {
        return line.strip().split("\\s*[,\\t;]\\s*|\\s+");
    }

    private static int indexOf(String[] head, String name, Path file) throws RasterFormatException {
        for (int k = 0; k < head.length; k++) {
            if (head[k].strip().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new RasterFormatException(
                file + ": header has no column " + name + ": " + String.join(",", head));
    }

    private static double num(String[] f, int col, Path file, int lineIndex)
            throws RasterFormatException {
        if (col >= f.length) {
            throw new RasterFormatException(
                    file
                            + ": line "
                            + (lineIndex + 1)
                            + " has "
                            + f.length
                            + " fields, needs column "
                            + (col + 1));
        }
        try {
            double v = Double.parseDouble(f[col].strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new RasterFormatException(
                    file
                            + ": line "
                            + (lineIndex + 1)
                            + ": '"
                            + f[col]
                            + "' is not a finite number");
        }
    }
}
