package dev.surveyor.io.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.Rasters;
import dev.surveyor.testkit.ExternalTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code gdal_ref.py} (python3 + osgeo.gdal, the independent reference) on a batch of jobs,
 * and reads what it dumps: raw little-endian band-sequential pixels and a small JSON summary.
 */
final class GdalRef {
    private final Path dir;
    private final List<String> jobs = new ArrayList<>();

    GdalRef(Path dir) {
        this.dir = dir;
    }

    /** Skips the calling test unless python3 with numpy and osgeo.gdal is installed. */
    static void require() {
        ExternalTools.requirePython("numpy", "osgeo.gdal");
    }

    /** Queues a fixture made by GDAL: {@code name.tif} and its pixels {@code name.raw}. */
    GdalRef make(
            String name,
            int w,
            int h,
            int bands,
            String type,
            int seed,
            String extraJson,
            String... co) {
        StringBuilder c = new StringBuilder("[");
        for (int i = 0; i < co.length; i++) {
            c.append(i > 0 ? "," : "").append('"').append(co[i]).append('"');
        }
        c.append(']');
        jobs.add(
                String.format(
                        Locale.ROOT,
                        "{\"op\":\"make\",\"tif\":\"%s\",\"raw\":\"%s\",\"w\":%d,\"h\":%d,\"bands\":%d,"
                                + "\"type\":\"%s\",\"seed\":%d,\"co\":%s%s}",
                        tif(name),
                        raw(name),
                        w,
                        h,
                        bands,
                        type,
                        seed,
                        c,
                        extraJson == null || extraJson.isEmpty() ? "" : "," + extraJson));
        return this;
    }

    /** Queues a gdal_translate of {@code src} to {@code name.tif}; {@code outType} may be null. */
    GdalRef translate(Path src, String name, String outType, String... co) {
        StringBuilder c = new StringBuilder("[");
        for (int i = 0; i < co.length; i++) {
            c.append(i > 0 ? "," : "").append('"').append(co[i]).append('"');
        }
        c.append(']');
        jobs.add(
                String.format(
                        "{\"op\":\"translate\",\"src\":\"%s\",\"tif\":\"%s\",%s\"co\":%s}",
                        src, tif(name), outType == null ? "" : "\"ot\":\"" + outType + "\",", c));
        return this;
    }

    /** Queues GDAL's reading of {@code file} into {@code name.raw} and {@code name.json}. */
    GdalRef dump(Path file, String name) {
        jobs.add(
                String.format(
                        "{\"op\":\"dump\",\"tif\":\"%s\",\"raw\":\"%s\",\"json\":\"%s\"}",
                        file, raw(name), dir.resolve(name + ".json")));
        return this;
    }

    /** Runs the queued jobs in one python process. */
    void run() throws IOException {
        Path spec = Files.createTempFile(dir, "jobs", ".json");
        Files.writeString(spec, "[" + String.join(",\n", jobs) + "]");
        jobs.clear();
        Path script = dir.resolve("gdal_ref.py");
        if (!Files.exists(script)) {
            try (InputStream in = GdalRef.class.getResourceAsStream("gdal_ref.py")) {
                Files.copy(in, script);
            }
        }
        ExternalTools.check(ExternalTools.PYTHON, script.toString(), spec.toString());
    }

    Path tif(String name) {
        return dir.resolve(name + ".tif");
    }

    Path raw(String name) {
        return dir.resolve(name + ".raw");
    }

    /** The JSON summary GDAL gave for {@code name}. */
    Info info(String name) throws IOException {
        return new Info(Files.readString(dir.resolve(name + ".json")));
    }

    /** Reads {@code name.raw}: {@code bands} planes of {@code type} pixels, little-endian. */
    MultiBandRaster pixels(String name, int w, int h, int bands, DataType type) throws IOException {
        return readRaw(raw(name), w, h, bands, type);
    }

    static MultiBandRaster readRaw(Path file, int w, int h, int bands, DataType type)
            throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(
                (long) w * h * bands * type.bytesPerPixel(), bb.capacity(), "raw size of " + file);
        Raster[] out = new Raster[bands];
        int p = 0;
        for (int b = 0; b < bands; b++) {
            out[b] = Rasters.create(type, w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    switch (type) {
                        case UINT8 -> out[b].unsafeSetDouble(x, y, bb.get(p) & 0xFF);
                        case INT16 -> out[b].unsafeSetDouble(x, y, bb.getShort(p));
                        case UINT16 -> out[b].unsafeSetDouble(x, y, bb.getShort(p) & 0xFFFF);
                        case FLOAT32 -> out[b].unsafeSetDouble(x, y, bb.getFloat(p));
                        case COMPLEX64 ->
                                ((RasterC64) out[b])
                                        .unsafeSet(x, y, bb.getFloat(p), bb.getFloat(p + 4));
                    }
                    p += type.bytesPerPixel();
                }
            }
        }
        return MultiBandRaster.of(out);
    }

    /** The fields of GDAL's summary that the tests check. */
    static final class Info {
        final String json;

        Info(String json) {
            this.json = json;
        }

        String str(String key) {
            Matcher m = Pattern.compile("\"" + key + "\": \"([^\"]*)\"").matcher(json);
            return m.find() ? m.group(1) : null;
        }

        Double num(String key) {
            Matcher m = Pattern.compile("\"" + key + "\": (-?[0-9.eE+-]+)").matcher(json);
            return m.find() ? Double.parseDouble(m.group(1)) : null;
        }

        boolean flag(String key) {
            return json.contains("\"" + key + "\": true");
        }

        double[] gt() {
            Matcher m = Pattern.compile("\"gt\": \\[([^\\]]*)\\]").matcher(json);
            if (!m.find()) {
                return null;
            }
            String[] s = m.group(1).split(",");
            double[] d = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                d[i] = Double.parseDouble(s[i].trim());
            }
            return d;
        }
    }
}
