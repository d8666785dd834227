package dev.surveyor.io.envi;

import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.io.raw.Interleave;
import dev.surveyor.io.raw.RawLayout;
import dev.surveyor.io.raw.SampleFormat;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The keys of an ENVI header, in file order.
 *
 * <p>Syntax: the first line is {@code ENVI}; then {@code key = value} lines, where a value starting
 * with <code>{</code> runs (possibly over several lines) to the matching <code>}</code>. Keys are
 * case-insensitive and stored lower-case with single spaces; brace values are stored without the
 * braces, trimmed. Lines without {@code =} are ignored, as GDAL does.
 *
 * <p>Typed getters throw {@link RasterFormatException} naming the header file, the key and the
 * value when a value is malformed.
 */
public final class EnviHeader {
    /** ENVI {@code data type} codes and the sample formats they mean. */
    private static final Map<Integer, SampleFormat> TYPE_CODES =
            Map.ofEntries(
                    Map.entry(1, SampleFormat.UINT8),
                    Map.entry(2, SampleFormat.INT16),
                    Map.entry(3, SampleFormat.INT32),
                    Map.entry(4, SampleFormat.FLOAT32),
                    Map.entry(5, SampleFormat.FLOAT64),
                    Map.entry(6, SampleFormat.CFLOAT32),
                    Map.entry(9, SampleFormat.CFLOAT64),
                    Map.entry(12, SampleFormat.UINT16),
                    Map.entry(13, SampleFormat.UINT32),
                    Map.entry(14, SampleFormat.INT64),
                    Map.entry(15, SampleFormat.UINT64));

    private final Path file;
    private final Map<String, String> entries;

    /**
     * @param file the header file, used in error messages
     * @param entries keys (lower-case) to values, in order
     */
    public EnviHeader(Path file, Map<String, String> entries) {
        this.file = file;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Reads and parses a header file. */
    public static EnviHeader read(Path headerFile) throws IOException {
        byte[] bytes = Files.readAllBytes(headerFile);
        if (bytes.length > 64 << 20) {
            throw new RasterFormatException(
                    headerFile,
                    "header is " + bytes.length + " bytes, too large for an ENVI header");
        }
        return parse(headerFile, new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /**
     * Parses header text.
     *
     * @param file the header file, for error messages
     * @throws RasterFormatException when the text does not start with {@code ENVI} or a brace is
     *     not closed
     */
    public static EnviHeader parse(Path file, String text) throws RasterFormatException {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = t.split("\r\n|\r|\n", -1);
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        if (i == lines.length || !lines[i].trim().equals("ENVI")) {
            String first = i < lines.length ? lines[i].trim() : "";
            throw new RasterFormatException(
                    file,
                    "not an ENVI header: the first line is '"
                            + (first.length() > 40 ? first.substring(0, 40) + "..." : first)
                            + "', expected 'ENVI'");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (i++; i < lines.length; i++) {
            String line = lines[i];
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = normalizeKey(line.substring(0, eq));
            String value = line.substring(eq + 1).trim();
            if (value.startsWith("{")) {
                StringBuilder sb = new StringBuilder(value);
                int startLine = i;
                while (!sb.toString().contains("}")) {
                    i++;
                    if (i >= lines.length) {
                        throw new RasterFormatException(
                                file,
                                "value of '"
                                        + key
                                        + "' (line "
                                        + (startLine + 1)
                                        + ") has no closing '}'");
                    }
                    sb.append('\n').append(lines[i]);
                }
                String v = sb.toString();
                value = v.substring(1, v.lastIndexOf('}')).trim();
            }
            map.put(key, value);
        }
        return new EnviHeader(file, map);
    }

    static String normalizeKey(String key) {
        return key.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The header file. */
    public Path file() {
        return file;
    }

    /** All keys and values, in order (immutable). */
    public Map<String, String> entries() {
        return entries;
    }

    /** The raw value of {@code key} (case-insensitive), if present. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(normalizeKey(key)));
    }

    /** A brace list value split at commas and trimmed, or an empty list when absent. */
    public List<String> list(String key) {
        Optional<String> v = get(key);
        if (v.isEmpty() || v.get().isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : v.get().split(",", -1)) {
            out.add(s.trim());
        }
        return out;
    }

    /**
     * A whole number value.
     *
     * @throws RasterFormatException when missing (and no default) or not a whole number
     */
    public long getLong(String key, Long defaultValue) throws RasterFormatException {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            if (defaultValue == null) {
                throw new RasterFormatException(file, "required key '" + key + "' is missing");
            }
            return defaultValue;
        }
        try {
            return Long.parseLong(v.get().trim());
        } catch (NumberFormatException e) {
            throw new RasterFormatException(
                    file, key + " = '" + v.get() + "' is not a whole number");
        }
    }

    /** A positive int value (samples, lines, bands). */
    int getPositiveInt(String key, Long defaultValue) throws RasterFormatException {
        long n = getLong(key, defaultValue);
        if (n <= 0 || n > Integer.MAX_VALUE) {
            throw new RasterFormatException(
                    file, key + " = " + n + " must be in 1.." + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /** {@code data ignore value}, parsed ({@code nan} allowed), or empty. */
    public OptionalDouble noData() throws RasterFormatException {
        Optional<String> v = get("data ignore value");
        if (v.isEmpty() || v.get().isBlank()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(parseDouble("data ignore value", v.get()));
    }

    double parseDouble(String what, String s) throws RasterFormatException {
        String t = s.trim();
        if (t.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new RasterFormatException(file, what + " = '" + s.trim() + "' is not a number");
        }
    }

    /** The on-disk sample format named by {@code data type}. */
    public SampleFormat sampleFormat() throws RasterFormatException {
        long code = getLong("data type", null);
        SampleFormat f = code >= 0 && code < 100 ? TYPE_CODES.get((int) code) : null;
        if (f == null) {
            throw new RasterFormatException(
                    file,
                    "data type = "
                            + code
                            + " is not supported (supported: 1, 2, 3, 4, 5, 6, 9, 12, 13, 14, 15)");
        }
        return f;
    }

    /** The ENVI {@code data type} code of a sample format. */
    public static int typeCode(SampleFormat format) {
        for (Map.Entry<Integer, SampleFormat> e : TYPE_CODES.entrySet()) {
            if (e.getValue() == format) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException(
                "ENVI has no data type code for " + format.gdalName() + " samples");
    }

    /**
     * The data file layout: {@code samples}, {@code lines}, {@code bands} (default 1), {@code data
     * type}, {@code byte order} (0 = little-endian, 1 = big-endian; default 0), {@code interleave}
     * (default bsq) and {@code header offset} (default 0).
     */
    public RawLayout layout() throws RasterFormatException {
        int w = getPositiveInt("samples", null);
        int h = getPositiveInt("lines", null);
        int b = getPositiveInt("bands", 1L);
        SampleFormat f = sampleFormat();
        long bo = getLong("byte order", 0L);
        if (bo != 0 && bo != 1) {
            throw new RasterFormatException(file, "byte order = " + bo + " must be 0 or 1");
        }
        long off = getLong("header offset", 0L);
        if (off < 0) {
            throw new RasterFormatException(file, "header offset = " + off + " must be at least 0");
        }
        Interleave il;
        try {
            il = Interleave.parse(get("interleave").orElse("bsq"));
        } catch (IllegalArgumentException e) {
            throw new RasterFormatException(
                    file,
                    "interleave = '" + get("interleave").orElse("") + "' must be bsq, bil or bip");
        }
        ByteOrder order = bo == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        try {
            return new RawLayout(w, h, b, f, order, il, off);
        } catch (IllegalArgumentException e) {
            throw new RasterFormatException(file, e.getMessage(), e);
        }
    }

    /**
     * Formats the entries as header text: {@code ENVI}, then one {@code key = value} line per
     * entry; values listed in {@code braced} are wrapped in braces.
     */
    public static String format(Map<String, String> entries, java.util.Set<String> braced) {
        StringBuilder sb = new StringBuilder("ENVI\n");
        for (Map.Entry<String, String> e : entries.entrySet()) {
            sb.append(e.getKey()).append(" = ");
            if (braced.contains(e.getKey())) {
                sb.append('{').append(e.getValue()).append('}');
            } else {
                sb.append(e.getValue());
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
