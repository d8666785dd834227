package dev.surveyor.insar.coreg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.imgproc.spectral.FourierShift;
import dev.surveyor.insar.stack.StackManifest;
import dev.surveyor.io.RasterIO;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoregistrationPipelineTest {
    private static void writeRaw(RasterC64 z, Path file) throws IOException {
        ByteBuffer b =
                ByteBuffer.allocate(8 * z.width() * z.height()).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < z.height(); y++) {
            for (int x = 0; x < z.width(); x++) {
                b.putFloat(z.getRe(x, y)).putFloat(z.getIm(x, y));
            }
        }
        Files.createDirectories(file.getParent());
        Files.write(file, b.array());
    }

    private static Path stack(Path dir, String type, double[][] shifts) throws IOException {
        int w = 192;
        int h = 160;
        RasterC64 ref = CoregistratorTest.scene(w, h, 31);
        String[] dates = {"2020-01-05", "2020-01-17", "2020-01-29"};
        StringBuilder acq = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            RasterC64 z = FourierShift.shift(ref, shifts[i][0], shifts[i][1]);
            String name = "raw/" + dates[i].replace("-", "") + ".slc";
            writeRaw(z, dir.resolve(name));
            acq.append(i > 0 ? ",\n" : "")
                    .append("{\"date\": \"")
                    .append(dates[i])
                    .append("\", \"bperp_m\": ")
                    .append(10.0 * i - 7)
                    .append(", \"file\": \"")
                    .append(name)
                    .append("\"}");
        }
        String json =
                "{ \"sensor\": {\"wavelength_m\": 0.05546576, \"incidence_deg\": 39.0, \"slant_range_m\": 850000.0},\n"
                        + "  \"type\": \""
                        + type
                        + "\",\n"
                        + (type.equals("slc") ? "" : "  \"reference_date\": \"2020-01-17\",\n")
                        + "  \"acquisitions\": ["
                        + acq
                        + "],\n"
                        + "  \"raster\": {\"width\": "
                        + w
                        + ", \"height\": "
                        + h
                        + ", \"dtype\": \"complex64\", \"byte_order\": \"little\"} }\n";
        Path m = dir.resolve("stack.json");
        Files.writeString(m, json);
        return m;
    }

    @Test
    void writesOffsetsCoregisteredSlcsAndAManifest(@TempDir Path dir) throws IOException {
        // the middle date is the reference (smallest mean temporal baseline)
        double[][] shifts = {{1.25, -0.5}, {0, 0}, {-2.4, 0.7}};
        StackManifest m = StackManifest.read(stack(dir, "slc", shifts));
        CoregistrationRun run =
                new CoregistrationPipeline(null).run(m, dir.resolve("out"), ProgressListener.NONE);
        assertEquals(LocalDate.of(2020, 1, 17), run.referenceDate());
        assertEquals(3, run.offsets().size());
        for (int i = 0; i < 3; i++) {
            assertEquals(shifts[i][0], run.offsets().get(i).dxPx(), 0.05, "dx of date " + i);
            assertEquals(shifts[i][1], run.offsets().get(i).dyPx(), 0.05, "dy of date " + i);
        }
        List<String> csv = Files.readAllLines(dir.resolve("out/offsets.csv"));
        assertEquals("date,dx_px,dy_px,matches,residual_px,patches,model", csv.get(0));
        assertEquals(4, csv.size());
        assertTrue(csv.get(2).startsWith("2020-01-17,0.000000,0.000000,0,"), csv.get(2));
        assertTrue(Files.readAllLines(dir.resolve("out/matches.csv")).size() > 10);
        // the written manifest points at co-registered GeoTIFFs on the reference grid
        StackManifest out = StackManifest.read(dir.resolve("out/stack.json"));
        assertEquals(LocalDate.of(2020, 1, 17), out.referenceDate());
        assertEquals(3, out.acquisitions().size());
        assertEquals(-7.0, out.acquisitions().get(0).bperpM(), 1e-12);
        RasterC64 ref = (RasterC64) RasterIO.read(out.acquisitions().get(1).file()).band(0);
        for (int i : new int[] {0, 2}) {
            RasterC64 z = (RasterC64) RasterIO.read(out.acquisitions().get(i).file()).band(0);
            double coh = CoregistratorTest.coherence(ref, z, 16);
            assertTrue(coh > 0.98, "coherence of date " + i + " with the reference: " + coh);
        }
    }

    @Test
    void refusesAnInterferogramStackAndWritesNothing(@TempDir Path dir) throws IOException {
        StackManifest m =
                StackManifest.read(
                        stack(dir, "interferogram", new double[][] {{0, 0}, {0, 0}, {0, 0}}));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new CoregistrationPipeline(null)
                                        .run(m, dir.resolve("out"), ProgressListener.NONE));
        assertTrue(
                e.getMessage().contains("stack.json") && e.getMessage().contains("interferogram"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aFileOfAnotherSizeIsReportedByDateAndNothingIsWritten(@TempDir Path dir)
            throws IOException {
        StackManifest m =
                StackManifest.read(stack(dir, "slc", new double[][] {{0, 0}, {0, 0}, {0, 0}}));
        // the manifest's raster block says 192x160; truncate the last file
        Path last = m.acquisitions().get(2).file();
        byte[] b = Files.readAllBytes(last);
        Files.write(last, java.util.Arrays.copyOf(b, b.length / 2));
        IOException e =
                assertThrows(
                        IOException.class,
                        () ->
                                new CoregistrationPipeline(null)
                                        .run(m, dir.resolve("out"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("20200129"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void temporalReferenceIsTheMostCentralDate() {
        List<LocalDate> d =
                List.of(
                        LocalDate.of(2020, 1, 1),
                        LocalDate.of(2020, 1, 13),
                        LocalDate.of(2020, 2, 6),
                        LocalDate.of(2020, 3, 1));
        assertEquals(LocalDate.of(2020, 1, 13), CoregistrationPipeline.temporalReference(d));
    }
}
