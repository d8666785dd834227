package dev.surveyor.io.envi;

import static dev.surveyor.testkit.RasterAsserts.assertRasterEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.io.raw.Patterns;
import dev.surveyor.io.raw.RawRasterSource;
import dev.surveyor.io.raw.SampleFormat;
import dev.surveyor.testkit.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GDAL is the reference for reading ENVI: {@code osgeo.gdal} writes fixtures of every ENVI type
 * GDAL 3.6 can write (1, 2, 3, 4, 5, 6, 9, 12, 13; its ENVI driver writes Int64 and CInt16 as
 * bytes) in BSQ/BIL/BIP (plus big-endian copies with {@code byte order = 1}, a header offset, a
 * geographic CRS and a rotated map info with a non-(1, 1) reference pixel), then dumps what GDAL
 * itself reads from each (values, geotransform, EPSG, no-data, band names). We read the same files
 * and compare every sample and every georeferencing number.
 */
class EnviGdalReadTest {
    @TempDir static Path dir;

    static final String SCRIPT =
            """
            import sys, numpy as np, shutil
            from osgeo import gdal, osr
            gdal.UseExceptions()
            out = sys.argv[1]
            W, H, B = 13, 9, 3
            rng = np.random.default_rng(5)
            drv = gdal.GetDriverByName('ENVI')
            utm = osr.SpatialReference(); utm.ImportFromEPSG(32633)
            geo = osr.SpatialReference(); geo.ImportFromEPSG(4326)
            names = []
            def make(name, tname, il, srs, gt, nodata):
                t = gdal.GetDataTypeByName(tname)
                ds = drv.Create(f'{out}/{name}.img', W, H, B, t, options=[f'INTERLEAVE={il}'])
                ds.SetGeoTransform(gt); ds.SetProjection(srs.ExportToWkt())
                for b in range(B):
                    band = ds.GetRasterBand(b + 1)
                    if tname.startswith('C'):
                        a = (rng.standard_normal((H, W)) + 1j * rng.standard_normal((H, W))) * 500
                    elif tname.startswith('Float'):
                        a = rng.standard_normal((H, W)) * 1000
                    else:
                        lo, hi = {'Byte': (0, 255), 'Int16': (-32768, 32767), 'UInt16': (0, 65535),
                                  'Int32': (-2**31, 2**31 - 1), 'UInt32': (0, 2**32 - 1),
                                  'Int64': (-2**40, 2**40)}[tname]
                        a = rng.integers(lo, hi, size=(H, W), endpoint=True)
                    band.WriteArray(a)
                    band.SetDescription(f'band{b + 1}_{tname}')
                ds.GetRasterBand(1).SetNoDataValue(nodata)
                ds = None
                names.append(name)
            types = ['Byte', 'Int16', 'UInt16', 'Int32', 'UInt32', 'Float32', 'Float64', 'CFloat32', 'CFloat64']
            for tname in types:
                for il in ('BSQ', 'BIL', 'BIP'):
                    make(f'{tname}-{il}', tname, il, utm, (500000.5, 30, 0, 4600000, 0, -30), 7)
                    if il != 'BSQ':
                        # big-endian copy: swap the data, say so in the header
                        name = f'{tname}-{il}-be'
                        t = gdal.GetDataTypeByName(tname)
                        itemsize = gdal.GetDataTypeSize(t) // 8
                        raw = np.fromfile(f'{out}/{tname}-{il}.img', dtype=np.uint8)
                        word = itemsize // 2 if tname.startswith('C') else itemsize
                        raw.reshape(-1, word)[:, ::-1].tofile(f'{out}/{name}.img')
                        hdr = open(f'{out}/{tname}-{il}.hdr').read().replace('byte order = 0', 'byte order = 1')
                        open(f'{out}/{name}.hdr', 'w').write(hdr)
                        names.append(name)
            make('geo', 'Float32', 'BSQ', geo, (-10.25, 0.5, 0, 50.75, 0, -0.25), -9999)
            # rotated map info with reference pixel (2.5, 3.5), 1-based
            make('rot', 'Int16', 'BIL', utm, (1000, 10, 0, 2000, 0, -20), 0)
            hdr = open(f'{out}/rot.hdr').read()
            import re
            hdr = re.sub(r'map info = \\{[^}]*\\}', 'map info = {UTM, 2.5, 3.5, 1000, 2000, 10, 20, 33, North, WGS-84, rotation=30}', hdr)
            open(f'{out}/rot.hdr', 'w').write(hdr)
            # header offset: 64 junk bytes before the samples
            make('off', 'UInt16', 'BIP', utm, (0, 1, 0, 0, 0, -1), 1)
            data = open(f'{out}/off.img', 'rb').read()
            open(f'{out}/off.img', 'wb').write(b'\\xab' * 64 + data)
            hdr = open(f'{out}/off.hdr').read().replace('header offset = 0', 'header offset = 64')
            open(f'{out}/off.hdr', 'w').write(hdr)
            with open(f'{out}/index.txt', 'w') as idx:
                for name in names:
                    ds = gdal.Open(f'{out}/{name}.img')
                    a = ds.ReadAsArray().reshape(B, H, W)
                    if np.iscomplexobj(a):
                        a = np.stack([a.real, a.imag], axis=-1)
                    a.astype('<f8').tofile(f'{out}/{name}.ref')
                    srs = ds.GetSpatialRef(); srs.AutoIdentifyEPSG()
                    b1 = ds.GetRasterBand(1)
                    idx.write('|'.join([name, gdal.GetDataTypeName(b1.DataType), str(ds.RasterXSize),
                        str(ds.RasterYSize), str(ds.RasterCount), ','.join(repr(v) for v in ds.GetGeoTransform()),
                        str(srs.GetAuthorityCode(None)), repr(b1.GetNoDataValue()),
                        ';'.join(ds.GetRasterBand(i + 1).GetDescription() for i in range(B))]) + '\\n')
            """;

    static List<String[]> index;

    @BeforeAll
    static void makeFixtures() throws IOException {
        ExternalTools.requirePython("numpy", "osgeo.gdal");
        ExternalTools.check(ExternalTools.PYTHON, "-c", SCRIPT, dir.toString());
        index = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("index.txt"))) {
            index.add(line.split("\\|", -1));
        }
        assertEquals(9 * 5 + 3, index.size());
    }

    @Test
    void valuesAndGeoreferencingMatchGdalForEveryFixture() throws IOException {
        for (String[] e : index) {
            String name = e[0];
            // alternate between opening by header and by data file
            Path open = dir.resolve(name + (name.hashCode() % 2 == 0 ? ".hdr" : ".img"));
            try (RawRasterSource src = EnviReader.open(open)) {
                assertEquals("ENVI", src.formatName());
                assertEquals(SampleFormat.parse(e[1]), src.layout().format(), name);
                assertEquals(Integer.parseInt(e[2]), src.width(), name);
                assertEquals(Integer.parseInt(e[3]), src.height(), name);
                assertEquals(Integer.parseInt(e[4]), src.numBands(), name);
                double[] gt =
                        Arrays.stream(e[5].split(",")).mapToDouble(Double::parseDouble).toArray();
                GridGeometry g = src.geometry().orElseThrow();
                assertArrayEquals(gt, g.toCrs().toGdal(), 1e-9, name + " geotransform");
                assertEquals(Integer.parseInt(e[6]), g.crs().epsg(), name + " EPSG");
                assertEquals(
                        Double.parseDouble(e[7]), src.noData().orElseThrow(), name + " no-data");
                assertEquals(
                        String.join(",", e[8].split(";")),
                        src.metadata().get("band names").replaceAll("\\s*,\\s*", ","),
                        name + " band names");
                double[] ref = Patterns.readDump(dir.resolve(name + ".ref"));
                SampleFormat f = src.layout().format();
                boolean exact =
                        f.canWriteExactly(f.memoryType())
                                && f != SampleFormat.FLOAT64
                                && f != SampleFormat.CFLOAT64;
                MultiBandRaster all = src.readWindow(0, 0, src.width(), src.height());
                for (int b = 0; b < src.numBands(); b++) {
                    Patterns.assertMatchesDump(
                            name + " band " + b, all.band(b), b, ref, exact ? 0 : 6e-8);
                }
            }
        }
    }

    @Test
    void windowedReadsEqualCropsOfTheFullRead() throws IOException {
        Random rnd = new Random(3);
        for (String[] e : index) {
            try (RawRasterSource src = EnviReader.open(dir.resolve(e[0] + ".img"))) {
                MultiBandRaster all = src.readWindow(0, 0, src.width(), src.height());
                for (int k = 0; k < 10; k++) {
                    int x0 = rnd.nextInt(src.width());
                    int y0 = rnd.nextInt(src.height());
                    int w = 1 + rnd.nextInt(src.width() - x0);
                    int h = 1 + rnd.nextInt(src.height() - y0);
                    int b = rnd.nextInt(src.numBands());
                    assertRasterEquals(
                            all.band(b).subView(x0, y0, w, h), src.readBand(b, x0, y0, w, h), 0, 0);
                }
            }
        }
    }

    @Test
    void wideTypesConvertAsDocumented() throws IOException {
        try (RawRasterSource src = EnviReader.open(dir.resolve("Int32-BSQ.hdr"))) {
            assertEquals(DataType.FLOAT32, src.dataType());
        }
        try (RawRasterSource src = EnviReader.open(dir.resolve("CFloat64-BIP.hdr"))) {
            assertEquals(DataType.COMPLEX64, src.dataType());
            assertTrue(src.metadata().containsKey("map info"));
            assertFalse(src.geometry().isEmpty());
        }
    }
}
