package dev.surveyor.craters.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.craters.Crater;
import dev.surveyor.craters.CraterCatalog;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CraterFilesTest {
    @TempDir Path tmp;

    @Test
    void readsLroNacCommaAndTab() throws Exception {
        Path a = tmp.resolve("a.txt");
        Files.writeString(
                a, "ID,X,Y,W,H,C_X,CY\n395,350.0,738.0,7.0,7.0,354.0,742.0\n0,77,5,8,10,81,10\n");
        Path b = tmp.resolve("b.txt");
        Files.writeString(b, "ID\tX\tY\tW\tH\tC_X\tCY\n1\t10\t20\t6\t6\t13\t23\n\n");
        CraterCatalog ca = CraterFiles.readLroNac(a);
        assertEquals(2, ca.size());
        assertEquals(Crater.truth(353.5, 741.5, 7), ca.craters().get(0));
        assertEquals(Crater.truth(81, 10, 9), ca.craters().get(1));
        assertEquals(List.of(Crater.truth(13, 23, 6)), CraterFiles.readLroNac(b).craters());
    }

    @Test
    void badValuesNameFileAndLine() throws Exception {
        Path a = tmp.resolve("bad.txt");
        Files.writeString(a, "ID,X,Y,W,H,C_X,CY\n1,2,3,x4,5,6,7\n");
        RasterFormatException e =
                assertThrows(RasterFormatException.class, () -> CraterFiles.readLroNac(a));
        assertTrue(
                e.getMessage().contains("bad.txt")
                        && e.getMessage().contains("line 2")
                        && e.getMessage().contains("x4"),
                e.getMessage());
        Path c = tmp.resolve("noh.txt");
        Files.writeString(c, "A,B\n1,2\n");
        assertThrows(RasterFormatException.class, () -> CraterFiles.readLroNac(c));
    }

    @Test
    void readsPycdaCsvAndDetectionCsvRoundTrip() throws Exception {
        Path a = tmp.resolve("l.csv");
        Files.writeString(a, "long,lat,diameter\n1621.9,716.86,4.3318\n171.63,567.58,4.8\n");
        CraterCatalog c = CraterFiles.readXyDiameterCsv(a);
        assertEquals(Crater.truth(1621.9, 716.86, 4.3318), c.craters().get(0));
        List<Crater> dets =
                List.of(new Crater(1.5, 2.25, 8.125, 0.75), new Crater(100, 200, 12, 0.5));
        StringWriter sw = new StringWriter();
        CraterFiles.writeDetectionsCsv(dets, sw);
        Path d = tmp.resolve("det.csv");
        Files.writeString(d, sw.toString());
        assertTrue(sw.toString().startsWith("x_px,y_px,diameter_px,score\n"));
        assertEquals(dets, CraterFiles.readXyDiameterCsv(d).craters());
    }

    @Test
    void cocoRoundTrip() throws Exception {
        Map<String, CraterCatalog> in = new LinkedHashMap<>();
        in.put(
                "a.png",
                new CraterCatalog(
                        List.of(Crater.truth(10, 20, 8), new Crater(30.5, 40, 12, 0.25)), "x"));
        in.put("b.png", new CraterCatalog(List.of(), "y"));
        Path f = tmp.resolve("c.json");
        CraterFiles.writeCoco(in, Map.of("a.png", new int[] {800, 800}), f);
        Map<String, CraterCatalog> out = CraterFiles.readCoco(f);
        assertEquals(List.of("a.png", "b.png"), List.copyOf(out.keySet()));
        assertEquals(in.get("a.png").craters(), out.get("a.png").craters());
        assertEquals(0, out.get("b.png").size());
    }

    @Test
    void readsSharedLroNacFilesWhenPresent() throws Exception {
        Path dir =
                Path.of(
                        System.getProperty("surveyor.shared", "../../shared"),
                        "data/craters/lro-nac/LRO_DATA");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isDirectory(dir), "shared data absent: " + dir);
        int total = 0;
        try (var s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".txt")).toList()) {
                total += CraterFiles.readLroNac(p).size();
            }
        }
        assertEquals(23250, total); // MANIFEST.md: 23,250 boxes in total
        Path hrsc = dir.resolve("../../mars-hrsc-pycda/holdout_tile_labels.csv");
        CraterCatalog h = CraterFiles.readXyDiameterCsv(hrsc);
        assertEquals(409, h.size()); // MANIFEST.md: 409 craters, 4.3-78.5 px
        assertEquals(
                4.3,
                h.craters().stream().mapToDouble(Crater::diameterPx).min().orElseThrow(),
                0.05);
        assertEquals(
                78.5,
                h.craters().stream().mapToDouble(Crater::diameterPx).max().orElseThrow(),
                0.05);
    }
}
