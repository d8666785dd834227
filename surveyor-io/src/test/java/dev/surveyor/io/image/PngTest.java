package dev.surveyor.io.image;

import static dev.surveyor.testkit.RasterAsserts.assertRasterEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.core.raster.RasterU16;
import dev.surveyor.io.raw.Patterns;
import dev.surveyor.testkit.ExternalTools;
import dev.surveyor.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNG reading and writing, with GDAL as the reference in both directions. */
class PngTest {
    @TempDir Path dir;

    /**
     * GDAL dumps each file's bands (band after band, row-major) as float64 to {@code <name>.ref} in
     * the folder of the index file.
     */
    static final String DUMP =
            """
            import sys, os, numpy as np
            from osgeo import gdal
            gdal.UseExceptions()
            out = os.path.dirname(sys.argv[1])
            with open(sys.argv[1], 'w') as idx:
                for f in sys.argv[2:]:
                    ds = gdal.Open(f)
                    a = ds.ReadAsArray().reshape(ds.RasterCount, ds.RasterYSize, ds.RasterXSize)
                    a.astype('<f8').tofile(os.path.join(out, os.path.basename(f) + '.ref'))
                    idx.write(f'{f}|{gdal.GetDataTypeName(ds.GetRasterBand(1).DataType)}|{ds.RasterCount}\\n')
            """;

    static List<String[]> gdalDump(Path dir, List<Path> files) throws IOException {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                ExternalTools.PYTHON,
                                "-c",
                                DUMP,
                                dir.resolve("idx.txt").toString()));
        files.forEach(f -> cmd.add(f.toString()));
        ExternalTools.check(cmd.toArray(String[]::new));
        List<String[]> out = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("idx.txt"))) {
            out.add(l.split("\\|"));
        }
        return out;
    }

    @Test
    void roundTripEveryColourTypeAndGdalAgrees() throws IOException {
        ExternalTools.requirePython("numpy", "osgeo.gdal");
        List<Path> files = new ArrayList<>();
        List<MultiBandRaster> rasters = new ArrayList<>();
        for (DataType t : new DataType[] {DataType.UINT8, DataType.UINT16}) {
            for (int nb = 1; nb <= 4; nb++) {
                MultiBandRaster m = Patterns.random(t, 17, 11, nb, nb * 10L + t.ordinal());
                Path f = dir.resolve(t + "-" + nb + ".png");
                PngWriter.write(RasterDataset.of(m), f);
                try (DecodedRasterSource src = PngReader.open(f)) {
                    assertEquals("PNG", src.formatName());
                    assertEquals(t, src.dataType(), f.toString());
                    assertEquals(nb, src.numBands(), f.toString());
                    RasterDataset back = src.readAll();
                    for (int b = 0; b < nb; b++) {
                        assertRasterEquals(m.band(b), back.band(b), 0, 0);
                    }
                    assertRasterEquals(
                            m.band(nb - 1).subView(3, 2, 9, 7),
                            src.readBand(nb - 1, 3, 2, 9, 7),
                            0,
                            0);
                }
                files.add(f);
                rasters.add(m);
            }
        }
        List<String[]> idx = gdalDump(dir, files);
        for (int i = 0; i < files.size(); i++) {
            MultiBandRaster m = rasters.get(i);
            assertEquals(m.dataType().gdalName(), idx.get(i)[1], files.get(i).toString());
            assertEquals(m.numBands(), Integer.parseInt(idx.get(i)[2]), files.get(i).toString());
            double[] ref = Patterns.readDump(Path.of(files.get(i) + ".ref"));
            for (int b = 0; b < m.numBands(); b++) {
                Patterns.assertMatchesDump(
                        files.get(i).getFileName() + " band " + b, m.band(b), b, ref, 0);
            }
        }
    }

    static final String MAKE =
            """
            import sys, numpy as np
            from osgeo import gdal
            gdal.UseExceptions()
            out = sys.argv[1]
            rng = np.random.default_rng(2)
            def save(name, a, dtype, ct=None):
                a = np.asarray(a)
                nb = 1 if a.ndim == 2 else a.shape[0]
                a = a.reshape(nb, a.shape[-2], a.shape[-1])
                mem = gdal.GetDriverByName('MEM').Create('', a.shape[2], a.shape[1], nb, dtype)
                for b in range(nb):
                    mem.GetRasterBand(b + 1).WriteArray(a[b])
                if ct is not None:
                    mem.GetRasterBand(1).SetRasterColorTable(ct)
                gdal.GetDriverByName('PNG').CreateCopy(f'{out}/{name}.png', mem)
            g16 = rng.integers(0, 65535, (23, 19), endpoint=True); g16[0, 0] = 65535; g16[0, 1] = 0
            save('gray16', g16, gdal.GDT_UInt16)
            save('gray8', rng.integers(0, 255, (23, 19), endpoint=True), gdal.GDT_Byte)
            save('rgb8', rng.integers(0, 255, (3, 23, 19), endpoint=True), gdal.GDT_Byte)
            save('rgba16', rng.integers(0, 65535, (4, 23, 19), endpoint=True), gdal.GDT_UInt16)
            ct = gdal.ColorTable()
            pal = rng.integers(0, 255, (16, 3), endpoint=True)
            for i in range(16):
                ct.SetColorEntry(i, tuple(int(v) for v in pal[i]) + (255,))
            idx = rng.integers(0, 15, (23, 19), endpoint=True)
            save('palette', idx, gdal.GDT_Byte, ct)
            np.moveaxis(pal[idx], -1, 0).astype('<f8').tofile(f'{out}/palette.png.rgb')
            """;

    @Test
    void weReadWhatGdalWrites() throws IOException {
        ExternalTools.requirePython("numpy", "osgeo.gdal");
        ExternalTools.check(ExternalTools.PYTHON, "-c", MAKE, dir.toString());
        List<Path> files = new ArrayList<>();
        for (String n : new String[] {"gray16", "gray8", "rgb8", "rgba16"}) {
            files.add(dir.resolve(n + ".png"));
        }
        List<String[]> idx = gdalDump(dir, files);
        for (int i = 0; i < files.size(); i++) {
            RasterDataset ds = PngReader.read(files.get(i));
            assertEquals(idx.get(i)[1], ds.dataType().gdalName(), files.get(i).toString());
            assertEquals(Integer.parseInt(idx.get(i)[2]), ds.numBands());
            double[] ref = Patterns.readDump(Path.of(files.get(i) + ".ref"));
            for (int b = 0; b < ds.numBands(); b++) {
                Patterns.assertMatchesDump(
                        files.get(i).getFileName() + " band " + b, ds.band(b), b, ref, 0);
            }
        }
        RasterDataset g16 = PngReader.read(dir.resolve("gray16.png"));
        assertEquals(65535, ((RasterU16) g16.band(0)).get(0, 0), "16-bit gray keeps full values");
        // a palette PNG expands to the palette's RGB
        RasterDataset pal = PngReader.read(dir.resolve("palette.png"));
        assertEquals(3, pal.numBands());
        double[] rgb = Patterns.readDump(dir.resolve("palette.png.rgb"));
        for (int b = 0; b < 3; b++) {
            Patterns.assertMatchesDump("palette band " + b, pal.band(b), b, rgb, 0);
        }
    }

    /** The LRO NAC crops in shared/data open with GDAL's values, pixel for pixel. */
    @Test
    void lroNacPngsMatchGdal() throws IOException {
        Path root = SharedData.require("craters/lro-nac/LRO_DATA");
        ExternalTools.requirePython("numpy", "osgeo.gdal");
        List<Path> files = new ArrayList<>();
        for (String sub : new String[] {"train", "test"}) {
            try (var s = Files.list(root.resolve(sub))) {
                s.filter(p -> p.toString().endsWith(".png")).sorted().limit(1).forEach(files::add);
            }
        }
        assertEquals(2, files.size());
        gdalDump(dir, files);
        for (Path f : files) {
            RasterDataset ds = PngReader.read(f);
            assertEquals(DataType.UINT8, ds.dataType());
            assertEquals(1, ds.numBands());
            assertTrue(ds.width() == 800 || ds.width() == 1000, f + " is " + ds.width() + " wide");
            Patterns.assertMatchesDump(
                    f.getFileName().toString(),
                    ds.band(0),
                    0,
                    Patterns.readDump(dir.resolve(f.getFileName() + ".ref")),
                    0);
        }
    }

    @Test
    void badPngsGiveCleanErrors() throws IOException {
        Path good = dir.resolve("good.png");
        PngWriter.write(RasterDataset.of(Patterns.random(DataType.UINT8, 64, 64, 3, 1)), good);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.png");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        RasterFormatException e =
                assertThrows(RasterFormatException.class, () -> PngReader.read(truncated));
        assertTrue(e.getMessage().startsWith("truncated.png: "), e.getMessage());
        Path text = dir.resolve("text.png");
        Files.writeString(text, "hello, not a png");
        e = assertThrows(RasterFormatException.class, () -> PngReader.read(text));
        assertTrue(e.getMessage().startsWith("text.png: not a PNG"), e.getMessage());
        assertThrows(
                java.nio.file.NoSuchFileException.class,
                () -> PngReader.read(dir.resolve("none.png")));
    }

    @Test
    void typesPngCannotHoldAreRejected() {
        Path f = dir.resolve("x.png");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                PngWriter.write(
                                        RasterDataset.of(
                                                Patterns.random(DataType.FLOAT32, 4, 4, 1, 1)),
                                        f));
        assertTrue(e.getMessage().contains("FLOAT32"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        PngWriter.write(
                                RasterDataset.of(Patterns.random(DataType.UINT8, 4, 4, 5, 1)), f));
        assertTrue(Files.notExists(f));
    }
}
