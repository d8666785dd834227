package dev.surveyor.cli.craters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surveyor.cli.SurveyorCli;
import dev.surveyor.craters.sfd.ChronologySystem;
import dev.surveyor.craters.sfd.SizeFrequency;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code surveyor craters sfd} with the body and counting area from the bundled Mars sample. */
class CratersSfdCommandTest {
    /** The bundled HRSC crop: 512 x 512 px at 12.5 m on a Mars 2000 sphere. */
    static final Path SAMPLE = Path.of("..", "samples", "hrsc-nanedi-512.tif");

    @TempDir Path tmp;

    private static final double[] D_PX = {10.5, 12, 12.5, 14, 16, 20, 25, 31, 40, 55, 80};

    private Path catalog() throws Exception {
        StringBuilder b = new StringBuilder("x_px,y_px,diameter_px,score\n");
        for (double d : D_PX) {
            b.append("100,100,").append(d).append(",0.9\n");
        }
        Path c = tmp.resolve("detections.csv");
        Files.writeString(c, b.toString());
        return c;
    }

    private int run(StringWriter out, StringWriter err, String... args) {
        var cl = SurveyorCli.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void marsBodyAreaAndPixelSizeComeFromTheImage() throws Exception {
        Path out = tmp.resolve("sfd");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code =
                run(
                        o,
                        e,
                        "craters",
                        "sfd",
                        "--catalog",
                        catalog().toString(),
                        "--image",
                        SAMPLE.toString(),
                        "--min-diameter-km",
                        "0.125",
                        "--out",
                        out.toString());
        assertEquals(0, code, e.toString());
        JsonNode j = new ObjectMapper().readTree(out.resolve("age.json").toFile());
        assertEquals("Mars", j.path("body").asText());
        assertEquals("Mars, Neukum-Ivanov (2001)", j.path("chronologySystem").asText());
        // 512 x 512 px of 12.5 m map units on a simple-cylindrical grid (standard parallel 0) of
        // the Mars sphere, centred at y = 287175 m, i.e. latitude 287175 / 3396190 rad: the ground
        // is 6.4 km high and 6.4 km * cos(latitude) wide
        double area = j.path("areaKm2").asDouble();
        assertEquals(6.4 * 6.4 * Math.cos(287175 / 3396190.0), area, 0.01);
        // the same fit done directly: pixel diameters times 12.5 m
        double[] km = new double[D_PX.length];
        for (int i = 0; i < km.length; i++) {
            km[i] = D_PX[i] * 0.0125;
        }
        SizeFrequency.Age ref =
                new SizeFrequency(km, area)
                        .age(ChronologySystem.MARS_NEUKUM_IVANOV_2001, 0.125, 362);
        assertEquals(ref.count(), j.path("count").asInt());
        assertEquals(ref.ageGa(), j.path("ageGa").asDouble(), 0.01 * ref.ageGa());
        assertTrue(j.path("ageLowGa").asDouble() < j.path("ageGa").asDouble());
        assertTrue(j.path("ageHighGa").asDouble() > j.path("ageGa").asDouble());
        assertTrue(o.toString().contains("Mars, Neukum-Ivanov (2001)"), o.toString());
        // the isochron passes through N(1) scaled by the production shape
        List<String> iso = Files.readAllLines(out.resolve("isochron.csv"));
        assertEquals("diameter_km,isochron_per_km2", iso.get(0));
        String[] first = iso.get(1).split(",");
        assertEquals(0.125, Double.parseDouble(first[0]), 1e-6);
        assertEquals(
                j.path("n1PerKm2").asDouble()
                        * ChronologySystem.MARS_NEUKUM_IVANOV_2001.relativeCumulative(0.125),
                Double.parseDouble(first[1]),
                1e-4 * Double.parseDouble(first[1]));
    }

    @Test
    void bodyOptionOverridesTheImageAndBadValuesExitWithTwo() throws Exception {
        Path out = tmp.resolve("moon");
        StringWriter e = new StringWriter();
        String[] common = {
            "craters", "sfd", "--catalog", catalog().toString(), "--image", SAMPLE.toString()
        };
        int code =
                run(
                        new StringWriter(),
                        e,
                        concat(common, "--body", "moon", "--out", out.toString()));
        assertEquals(0, code, e.toString());
        JsonNode j = new ObjectMapper().readTree(out.resolve("age.json").toFile());
        assertEquals("Moon", j.path("body").asText());
        assertEquals("--body", j.path("bodySource").asText());

        StringWriter e2 = new StringWriter();
        assertEquals(
                2,
                run(
                        new StringWriter(),
                        e2,
                        concat(common, "--body", "venus", "--out", tmp.resolve("v").toString())));
        assertTrue(e2.toString().contains("venus"), e2.toString());
        // no area and no image
        StringWriter e3 = new StringWriter();
        assertEquals(
                2,
                run(
                        new StringWriter(),
                        e3,
                        "craters",
                        "sfd",
                        "--catalog",
                        catalog().toString(),
                        "--pixel-m",
                        "12.5",
                        "--out",
                        tmp.resolve("x").toString()));
        assertTrue(e3.toString().contains("--area-km2"), e3.toString());
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
