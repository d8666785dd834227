package dev.surveyor.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surveyor.core.raster.RasterFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON file flattened to an ordered map of scalar values for a report table: nested objects
 * become dotted keys ({@code a.b}), arrays of scalars become one comma-joined value, longer arrays
 * of objects are summarised by their length.
 */
public final class JsonSummary {
    private JsonSummary() {}

    /** Reads and flattens {@code file}; an absent file gives an empty map. */
    public static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RasterFormatException(file, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        flatten("", root, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n == null || n.isNull()) {
            return;
        }
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                flatten(
                        prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                        e.getValue(),
                        out);
            }
        } else if (n.isArray()) {
            boolean scalars = true;
            for (JsonNode c : n) {
                scalars &= c.isValueNode();
            }
            if (scalars && n.size() <= 12) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode c : n) {
                    sb.append(sb.length() == 0 ? "" : ", ").append(c.asText());
                }
                out.put(prefix, sb.toString());
            } else {
                out.put(prefix, "[" + n.size() + " entries]");
            }
        } else {
            out.put(prefix, n.asText());
        }
    }
}
