package dev.surveyor.insar.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.insar.sim.ConfigSimulation;
import dev.surveyor.insar.sim.SimulatedStack;
import dev.surveyor.insar.sim.SimulationWriter;
import dev.surveyor.insar.sim.StackSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackManifestTest {
    @TempDir Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir.resolve("slc"));
        for (String d : new String[] {"20180103", "20180115", "20180127"}) {
            Files.write(dir.resolve("slc/" + d + ".c64"), new byte[7 * 5 * 8]);
        }
        Files.write(dir.resolve("slc/small.c64"), new byte[7 * 4 * 8]);
    }

    private Path manifest(String acquisitions, String extra) throws IOException {
        String json =
                "{ \"sensor\": {\"wavelength_m\": 0.05546576, \"incidence_deg\": 39.0, \"slant_range_m\": 850000.0},"
                        + " \"type\": \"slc\", "
                        + extra
                        + " \"acquisitions\": ["
                        + acquisitions
                        + "],"
                        + " \"raster\": {\"width\": 7, \"height\": 5, \"dtype\": \"complex64\", \"byte_order\": \"little\"} }";
        Path m = dir.resolve("stack.json");
        Files.writeString(m, json);
        return m;
    }

    private static String acq(String date, double b, String file) {
        return "{\"date\": \"" + date + "\", \"bperp_m\": " + b + ", \"file\": \"" + file + "\"}";
    }

    private String three() {
        return acq("2018-01-03", -12.5, "slc/20180103.c64")
                + ","
                + acq("2018-01-15", 0, "slc/20180115.c64")
                + ","
                + acq("2018-01-27", 30, "slc/20180127.c64");
    }

    @Test
    void readsTheIssueLayout() throws Exception {
        StackManifest m =
                StackManifest.read(manifest(three(), "\"reference_date\": \"2018-01-15\","));
        assertEquals(3, m.acquisitions().size());
        assertEquals(LocalDate.of(2018, 1, 15), m.referenceDate());
        assertTrue(m.hasBaselines());
        assertEquals(-12.5, m.acquisitions().get(0).bperpM());
        assertEquals(7, m.raw().width());
        try (StackReader r = StackReader.open(m)) {
            assertEquals(7, r.width());
            assertEquals(5, r.height());
            assertEquals(1, r.referenceIndex());
        }
        // Round trip through toJson.
        Path copy = dir.resolve("copy.json");
        Files.writeString(copy, m.toJson(copy));
        StackManifest m2 = StackManifest.read(copy);
        assertEquals(m.dates(), m2.dates());
        assertEquals(m.acquisitions().get(2).file(), m2.acquisitions().get(2).file());
    }

    @Test
    void missingFileNamesTheEntry() throws Exception {
        Path m = manifest(three().replace("slc/20180127.c64", "slc/nope.c64"), "");
        RasterFormatException e =
                assertThrows(RasterFormatException.class, () -> StackManifest.read(m));
        assertTrue(
                e.getMessage().contains("acquisitions[2] (2018-01-27)")
                        && e.getMessage().contains("nope.c64"),
                e.getMessage());
    }

    @Test
    void duplicateDate() throws Exception {
        Path m = manifest(three().replace("2018-01-27", "2018-01-15"), "");
        RasterFormatException e =
                assertThrows(RasterFormatException.class, () -> StackManifest.read(m));
        assertTrue(e.getMessage().contains("duplicate date 2018-01-15"), e.getMessage());
    }

    @Test
    void fewerThanThreeDates() throws Exception {
        Path m =
                manifest(
                        acq("2018-01-03", 0, "slc/20180103.c64")
                                + ","
                                + acq("2018-01-15", 1, "slc/20180115.c64"),
                        "");
        RasterFormatException e =
                assertThrows(RasterFormatException.class, () -> StackManifest.read(m));
        assertTrue(e.getMessage().contains("at least 3 dates, got 2"), e.getMessage());
    }

    @Test
    void sizeMismatchNamesTheFile() throws Exception {
        Path m =
                manifest(
                        three().replace("slc/20180127.c64", "slc/small.c64"),
                        "\"reference_date\": \"2018-01-15\",");
        StackManifest sm = StackManifest.read(m);
        RasterFormatException e =
                assertThrows(RasterFormatException.class, () -> StackReader.open(sm));
        assertTrue(e.getMessage().contains("small.c64"), e.getMessage());
    }

    @Test
    void nonComplexRawStackIsRejected() throws Exception {
        Path m = manifest(three(), "");
        Files.writeString(m, Files.readString(m).replace("\"complex64\"", "\"float32\""));
        RasterFormatException e =
                assertThrows(RasterFormatException.class, () -> StackManifest.read(m));
        assertTrue(e.getMessage().contains("raster.dtype must be complex64"), e.getMessage());
    }

    @Test
    void badJsonAndBadValues() throws Exception {
        Path m = dir.resolve("bad.json");
        Files.writeString(m, "{ not json");
        assertThrows(RasterFormatException.class, () -> StackManifest.read(m));
        Path m2 = manifest(three().replace("2018-01-03", "2018-13-03"), "");
        RasterFormatException e =
                assertThrows(RasterFormatException.class, () -> StackManifest.read(m2));
        assertTrue(e.getMessage().contains("2018-13-03"), e.getMessage());
        Path m3 = manifest(three(), "\"reference_date\": \"2019-01-01\",");
        assertThrows(RasterFormatException.class, () -> StackManifest.read(m3));
    }

    @Test
    void partialBaselinesAreRejected() throws Exception {
        String a = three().replace(", \"bperp_m\": 30.0", "");
        RasterFormatException e =
                assertThrows(
                        RasterFormatException.class, () -> StackManifest.read(manifest(a, "")));
        assertTrue(e.getMessage().contains("missing for 2018-01-27"), e.getMessage());
    }

    @Test
    void readerFormsInterferogramsAgainstTheReference() throws Exception {
        ConfigSimulation c = new ConfigSimulation();
        c.widthPx = 23;
        c.heightPx = 17;
        c.numDates = 5;
        SimulatedStack s = StackSimulator.simulate(c);
        Path m = SimulationWriter.write(s, dir.resolve("sim"));
        try (StackReader r = StackReader.open(StackManifest.read(m))) {
            StackWindow w = r.read(3, 4, 11, 9);
            int ref = r.referenceIndex();
            assertEquals(s.referenceIndex(), ref);
            for (int q = 0; q < 5; q++) {
                float[] expected = new float[2 * 11 * 9];
                float[] amp = new float[11 * 9];
                for (int y = 0; y < 9; y++) {
                    for (int x = 0; x < 11; x++) {
                        int i = (y + 4) * 23 + x + 3;
                        float sr = s.slcs()[q][2 * i];
                        float si = s.slcs()[q][2 * i + 1];
                        float rr = s.slcs()[ref][2 * i];
                        float ri = s.slcs()[ref][2 * i + 1];
                        expected[2 * (y * 11 + x)] = sr * rr + si * ri;
                        expected[2 * (y * 11 + x) + 1] = si * rr - sr * ri;
                        amp[y * 11 + x] = (float) Math.hypot(sr, si);
                    }
                }
                assertArrayEquals(expected, w.interferogram(q), 1e-5f);
                assertArrayEquals(amp, w.amplitude(q), 1e-5f);
            }
        }
    }
}
