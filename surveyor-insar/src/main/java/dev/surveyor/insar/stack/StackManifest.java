package dev.surveyor.insar.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.RasterFormatException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A stack manifest ({@code stack.json}): sensor, stack type, optional reference date, acquisitions
 * and, for headerless raw files, their layout. Paths in the file are relative to the manifest's
 * folder; in this record they are resolved.
 *
 * <pre>{@code
 * { "sensor": {"wavelength_m": 0.05546576, "incidence_deg": 39.0, "slant_range_m": 850000.0},
 *   "type": "slc",
 *   "reference_date": "2018-01-15",
 *   "acquisitions": [ {"date": "2018-01-03", "bperp_m": -12.5, "file": "slc/20180103.tif"}, ... ],
 *   "raster": {"width": 600, "height": 600, "dtype": "complex64", "byte_order": "little"} }
 * }</pre>
 *
 * <p>Optional per-acquisition keys: {@code amplitude} (float32 amplitude file) and {@code
 * conjugate} (an interferogram stored as {@code ref · conj(date)}). For {@code interferogram}
 * stacks the reference date needs no {@code file}. Acquisitions are kept sorted by date.
 *
 * @param path the manifest file (absolute)
 * @param sensor radar geometry
 * @param type what the files hold
 * @param referenceDate the reference date, or {@code null} when it is to be chosen
 * @param acquisitions the dates, sorted ascending, at least 3
 * @param raw layout of raw files, or {@code null} when files carry their own header
 */
public record StackManifest(
        Path path,
        Sensor sensor,
        StackType type,
        LocalDate referenceDate,
        List<Acquisition> acquisitions,
        RawSpec raw) {

    /** Fewest dates a stack may have. */
    public static final int MIN_DATES = 3;

    public StackManifest {
        acquisitions =
                acquisitions.stream().sorted(Comparator.comparing(Acquisition::date)).toList();
    }

    /** The reference date, when the manifest names one. */
    public Optional<LocalDate> reference() {
        return Optional.ofNullable(referenceDate);
    }

    /** Whether every acquisition has a perpendicular baseline (else DEM error is not estimable). */
    public boolean hasBaselines() {
        return acquisitions.stream().allMatch(Acquisition::hasBaseline);
    }

    /** Dates, ascending. */
    public List<LocalDate> dates() {
        return acquisitions.stream().map(Acquisition::date).toList();
    }

    /** A copy with another reference date. */
    public StackManifest withReference(LocalDate date) {
        return new StackManifest(path, sensor, type, date, acquisitions, raw);
    }

    /**
     * Reads and checks a manifest: structure, values, files present, no duplicate dates, at least 3
     * dates. File sizes and sample types are checked when the stack is opened ({@link
     * StackReader#open(StackManifest)}).
     *
     * @throws RasterFormatException naming the manifest and the offending entry
     */
    public static StackManifest read(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            throw new java.nio.file.NoSuchFileException(
                    abs.toString(), null, "stack manifest not found");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(abs.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RasterFormatException(abs, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new RasterFormatException(abs, "the manifest must be a JSON object");
        }
        Path dir = abs.getParent();
        Sensor sensor = Sensor.SENTINEL1;
        JsonNode s = root.get("sensor");
        if (s != null) {
            try {
                sensor =
                        new Sensor(
                                number(
                                        abs,
                                        s,
                                        "sensor.wavelength_m",
                                        "wavelength_m",
                                        Sensor.SENTINEL1.wavelengthM()),
                                number(
                                        abs,
                                        s,
                                        "sensor.incidence_deg",
                                        "incidence_deg",
                                        Sensor.SENTINEL1.incidenceDeg()),
                                number(
                                        abs,
                                        s,
                                        "sensor.slant_range_m",
                                        "slant_range_m",
                                        Sensor.SENTINEL1.slantRangeM()));
            } catch (IllegalArgumentException e) {
                throw new RasterFormatException(abs, "sensor: " + e.getMessage());
            }
        }
        String typeName = text(root, "type", "slc");
        StackType type;
        switch (typeName) {
            case "slc" -> type = StackType.SLC;
            case "interferogram" -> type = StackType.INTERFEROGRAM;
            default ->
                    throw new RasterFormatException(
                            abs, "type must be 'slc' or 'interferogram', got '" + typeName + "'");
        }
        LocalDate ref = null;
        if (root.hasNonNull("reference_date")) {
            ref = date(abs, "reference_date", root.get("reference_date").asText());
        }
        RawSpec raw = null;
        JsonNode r = root.get("raster");
        if (r != null && !r.isNull()) {
            int w = r.path("width").asInt(-1);
            int h = r.path("height").asInt(-1);
            if (w <= 0 || h <= 0) {
                throw new RasterFormatException(
                        abs,
                        "raster.width and raster.height must be positive integers, got "
                                + r.get("width")
                                + " and "
                                + r.get("height"));
            }
            String dt = r.path("dtype").asText("complex64");
            DataType dtype;
            try {
                dtype = DataType.parse(dt);
            } catch (IllegalArgumentException e) {
                throw new RasterFormatException(abs, "raster.dtype: " + e.getMessage());
            }
            if (!dtype.isComplex()) {
                throw new RasterFormatException(
                        abs, "raster.dtype must be complex64 for complex stacks, got '" + dt + "'");
            }
            String bo = r.path("byte_order").asText("little");
            ByteOrder order;
            switch (bo) {
                case "little" -> order = ByteOrder.LITTLE_ENDIAN;
                case "big" -> order = ByteOrder.BIG_ENDIAN;
                default ->
                        throw new RasterFormatException(
                                abs,
                                "raster.byte_order must be 'little' or 'big', got '" + bo + "'");
            }
            raw = new RawSpec(w, h, DataType.COMPLEX64, order);
        }
        JsonNode acq = root.get("acquisitions");
        if (acq == null || !acq.isArray()) {
            throw new RasterFormatException(abs, "acquisitions must be a JSON array");
        }
        List<Acquisition> list = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < acq.size(); i++) {
            JsonNode a = acq.get(i);
            String where = "acquisitions[" + i + "]";
            if (!a.hasNonNull("date")) {
                throw new RasterFormatException(abs, where + ": 'date' is missing");
            }
            LocalDate d = date(abs, where + ".date", a.get("date").asText());
            where = where + " (" + d + ")";
            if (!seen.add(d)) {
                throw new RasterFormatException(abs, where + ": duplicate date " + d);
            }
            double bperp = Double.NaN;
            if (a.hasNonNull("bperp_m")) {
                if (!a.get("bperp_m").isNumber() || !Double.isFinite(a.get("bperp_m").asDouble())) {
                    throw new RasterFormatException(
                            abs,
                            where + ": bperp_m must be a finite number, got " + a.get("bperp_m"));
                }
                bperp = a.get("bperp_m").asDouble();
            }
            Path f = a.hasNonNull("file") ? dir.resolve(a.get("file").asText()).normalize() : null;
            boolean isRef = d.equals(ref);
            if (f == null && !(type == StackType.INTERFEROGRAM && isRef)) {
                throw new RasterFormatException(abs, where + ": 'file' is missing");
            }
            if (f != null && !Files.isRegularFile(f)) {
                throw new RasterFormatException(
                        abs, where + ": file " + a.get("file").asText() + " does not exist");
            }
            Path amp =
                    a.hasNonNull("amplitude")
                            ? dir.resolve(a.get("amplitude").asText()).normalize()
                            : null;
            if (amp != null && !Files.isRegularFile(amp)) {
                throw new RasterFormatException(
                        abs,
                        where
                                + ": amplitude file "
                                + a.get("amplitude").asText()
                                + " does not exist");
            }
            boolean conj = a.path("conjugate").asBoolean(false);
            list.add(new Acquisition(d, bperp, f, amp, conj));
        }
        if (list.size() < MIN_DATES) {
            throw new RasterFormatException(
                    abs, "a stack needs at least " + MIN_DATES + " dates, got " + list.size());
        }
        if (type == StackType.INTERFEROGRAM) {
            if (ref == null) {
                throw new RasterFormatException(
                        abs,
                        "an interferogram stack needs reference_date (the date its interferograms were formed against)");
            }
            if (!seen.contains(ref)) {
                list.add(new Acquisition(ref, 0.0, null, null, false));
            }
        } else if (ref != null && !seen.contains(ref)) {
            throw new RasterFormatException(
                    abs, "reference_date " + ref + " is not one of the acquisitions");
        }
        long withB = list.stream().filter(Acquisition::hasBaseline).count();
        if (withB != 0 && withB != list.size()) {
            Acquisition missing =
                    list.stream().filter(x -> !x.hasBaseline()).findFirst().orElseThrow();
            throw new RasterFormatException(
                    abs,
                    "bperp_m is given for "
                            + withB
                            + " of "
                            + list.size()
                            + " acquisitions; missing for "
                            + missing.date()
                            + " (give all or none)");
        }
        return new StackManifest(abs, sensor, type, ref, list, raw);
    }

    /** Writes this manifest as JSON, with paths relative to the target's folder. */
    public String toJson(Path target) {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        ObjectNode s = root.putObject("sensor");
        s.put("wavelength_m", sensor.wavelengthM());
        s.put("incidence_deg", sensor.incidenceDeg());
        s.put("slant_range_m", sensor.slantRangeM());
        root.put("type", type.jsonName());
        if (referenceDate != null) {
            root.put("reference_date", referenceDate.toString());
        }
        Path dir = target.toAbsolutePath().normalize().getParent();
        ArrayNode arr = root.putArray("acquisitions");
        for (Acquisition a : acquisitions) {
            if (a.file() == null && a.amplitudeFile() == null && type == StackType.INTERFEROGRAM) {
                continue;
            }
            ObjectNode o = arr.addObject();
            o.put("date", a.date().toString());
            if (a.hasBaseline()) {
                o.put("bperp_m", a.bperpM());
            }
            if (a.file() != null) {
                o.put("file", relative(dir, a.file()));
            }
            if (a.amplitudeFile() != null) {
                o.put("amplitude", relative(dir, a.amplitudeFile()));
            }
            if (a.conjugate()) {
                o.put("conjugate", true);
            }
        }
        if (raw != null) {
            ObjectNode r = root.putObject("raster");
            r.put("width", raw.width());
            r.put("height", raw.height());
            r.put("dtype", "complex64");
            r.put("byte_order", raw.byteOrder() == ByteOrder.BIG_ENDIAN ? "big" : "little");
        }
        try {
            return om.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the manifest", e);
        }
    }

    private static String relative(Path dir, Path file) {
        Path f = file.toAbsolutePath().normalize();
        return (dir == null ? f : dir.relativize(f)).toString().replace('\\', '/');
    }

    private static double number(Path file, JsonNode obj, String label, String key, double dflt)
            throws RasterFormatException {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isNumber()) {
            throw new RasterFormatException(file, label + " must be a number, got " + n);
        }
        return n.asDouble();
    }

    private static String text(JsonNode obj, String key, String dflt) {
        JsonNode n = obj.get(key);
        return n == null || n.isNull() ? dflt : n.asText();
    }

    private static LocalDate date(Path file, String label, String text)
            throws RasterFormatException {
        String t = text.trim();
        try {
            if (t.matches("\\d{8}")) {
                return LocalDate.parse(
                        t.substring(0, 4) + "-" + t.substring(4, 6) + "-" + t.substring(6, 8));
            }
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new RasterFormatException(
                    file, label + " must be a date YYYY-MM-DD, got '" + text + "'");
        }
    }
}
