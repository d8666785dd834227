package dev.surveyor.io.envi;

import static dev.surveyor.testkit.RasterAsserts.assertRasterEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surveyor.core.geo.Crs;
import dev.surveyor.core.geo.GeoTransform;
import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.geo.PixelAnchor;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.io.raw.Interleave;
import dev.surveyor.io.raw.Patterns;
import dev.surveyor.io.raw.RawRasterSource;
import dev.surveyor.testkit.ExternalTools;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files we write are read back by GDAL ({@code osgeo.gdal}): same size, type, geotransform, CRS,
 * no-data, band names and every value, for every type x interleave x byte order.
 */
class EnviWriteGdalTest {
    @TempDir Path dir;

    static final String SCRIPT =
            """
            import sys, numpy as np
            from osgeo import gdal, osr
            gdal.UseExceptions()
            with open(sys.argv[1], 'w') as idx:
                for f in sys.argv[2:]:
                    ds = gdal.Open(f)
                    a = ds.ReadAsArray().reshape(ds.RasterCount, ds.RasterYSize, ds.RasterXSize)
                    if np.iscomplexobj(a):
                        a = np.stack([a.real, a.imag], axis=-1)
                    a.astype('<f8').tofile(f + '.ref')
                    srs = ds.GetSpatialRef()
                    epsg = 'None'
                    same = 'None'
                    if srs is not None:
                        srs.AutoIdentifyEPSG()
                        epsg = str(srs.GetAuthorityCode(None))
                        try:
                            wkt = open(f + '.wkt').read()
                            same = str(bool(srs.IsSame(osr.SpatialReference(wkt=wkt))))
                        except FileNotFoundError:
                            pass
                    b1 = ds.GetRasterBand(1)
                    idx.write('|'.join([f, gdal.GetDataTypeName(b1.DataType), str(ds.RasterXSize),
                        str(ds.RasterYSize), str(ds.RasterCount),
                        ','.join(repr(v) for v in ds.GetGeoTransform()), epsg, same,
                        repr(b1.GetNoDataValue()),
                        ';'.join(ds.GetRasterBand(i + 1).GetDescription() for i in range(ds.RasterCount))]) + '\\n')
            """;

    /** A lunar equirectangular CRS that has no EPSG code: only WKT can carry it. */
    static final String MOON_WKT =
            "PROJCS[\"Moon_Equirectangular\",GEOGCS[\"GCS_Moon\",DATUM[\"D_Moon\","
                    + "SPHEROID[\"Moon\",1737400.0,0.0]],PRIMEM[\"Reference_Meridian\",0.0],"
                    + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Equidistant_Cylindrical\"],"
                    + "PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],"
                    + "PARAMETER[\"Central_Meridian\",0.0],PARAMETER[\"Standard_Parallel_1\",0.0],"
                    + "UNIT[\"Meter\",1.0]]";

    record Case(Path file, RasterDataset ds, String crsKind) {}

    @Test
    void gdalReadsWhatWeWrite() throws IOException {
        ExternalTools.requirePython("numpy", "osgeo.gdal");
        List<Case> cases = new ArrayList<>();
        int k = 0;
        for (DataType t : DataType.values()) {
            for (Interleave il : Interleave.values()) {
                for (ByteOrder bo :
                        new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                    String crsKind = new String[] {"utm", "geo", "moon", "pixel-center"}[k++ % 4];
                    MultiBandRaster m = Patterns.random(t, 11, 7, 3, k);
                    GridGeometry g = geometry(crsKind, 11, 7);
                    double nd = t == DataType.INT16 ? -32768 : t == DataType.FLOAT32 ? -9999.5 : 0;
                    RasterDataset ds = new RasterDataset(m, g, OptionalDouble.of(nd), Map.of());
                    Path f =
                            dir.resolve(
                                    t
                                            + "-"
                                            + il
                                            + "-"
                                            + (bo == ByteOrder.BIG_ENDIAN ? "be" : "le")
                                            + ".img");
                    EnviWriter.write(
                            ds,
                            f,
                            EnviWriteOptions.defaults()
                                    .withInterleave(il)
                                    .withByteOrder(bo)
                                    .withBandNames(List.of("red", "green edge", "nir")));
                    if (crsKind.equals("moon")) {
                        Files.writeString(Path.of(f + ".wkt"), MOON_WKT);
                    }
                    cases.add(new Case(f, ds, crsKind));
                }
            }
        }
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                ExternalTools.PYTHON,
                                "-c",
                                SCRIPT,
                                dir.resolve("index.txt").toString()));
        cases.forEach(c -> cmd.add(c.file().toString()));
        ExternalTools.check(cmd.toArray(String[]::new));
        Map<String, String[]> index = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("index.txt"))) {
            String[] e = line.split("\\|", -1);
            index.put(e[0], e);
        }
        for (Case c : cases) {
            String[] e = index.get(c.file().toString());
            String name = c.file().getFileName().toString();
            RasterDataset ds = c.ds();
            assertEquals(ds.dataType().gdalName(), e[1], name + " type");
            assertEquals(
                    ds.width() + "x" + ds.height() + "x" + ds.numBands(),
                    e[2] + "x" + e[3] + "x" + e[4],
                    name);
            double[] gt = Arrays.stream(e[5].split(",")).mapToDouble(Double::parseDouble).toArray();
            assertArrayEquals(ds.geometry().toCrs().toGdal(), gt, 1e-9, name + " geotransform");
            switch (c.crsKind()) {
                case "utm", "pixel-center" -> assertEquals("32633", e[6], name + " EPSG");
                case "geo" -> assertEquals("4326", e[6], name + " EPSG");
                default -> assertEquals("True", e[7], name + " GDAL's CRS IsSame our WKT");
            }
            assertEquals(ds.noData().getAsDouble(), Double.parseDouble(e[8]), name + " no-data");
            assertEquals("red;green edge;nir", e[9], name + " band names");
            double[] ref = Patterns.readDump(Path.of(c.file() + ".ref"));
            for (int b = 0; b < ds.numBands(); b++) {
                Patterns.assertMatchesDump(name + " band " + b, ds.band(b), b, ref, 0);
            }
            // and we read back our own file identically, georeferencing included
            try (RawRasterSource src = EnviReader.open(c.file())) {
                MultiBandRaster back = src.readWindow(0, 0, ds.width(), ds.height());
                for (int b = 0; b < ds.numBands(); b++) {
                    assertRasterEquals(ds.band(b), back.band(b), 0, 0);
                }
                GridGeometry g = src.geometry().orElseThrow();
                assertArrayEquals(ds.geometry().toCrs().toGdal(), g.toCrs().toGdal(), 1e-9);
                Crs expected = ds.geometry().crs();
                if (expected.hasEpsg()) {
                    assertEquals(expected.epsg(), g.crs().epsg(), name);
                } else {
                    assertEquals(expected.wkt(), g.crs().wkt(), name);
                }
            }
        }
    }

    static GridGeometry geometry(String kind, int w, int h) {
        return switch (kind) {
            case "utm" ->
                    new GridGeometry(
                            w,
                            h,
                            GeoTransform.northUp(500000.5, 4600000.25, 30, 15),
                            Crs.epsg(32633));
            case "geo" ->
                    new GridGeometry(
                            w, h, GeoTransform.northUp(-10.25, 50.75, 0.5, 0.25), Crs.epsg(4326));
            case "moon" ->
                    new GridGeometry(
                            w,
                            h,
                            GeoTransform.northUp(-30323.5, 60647.0, 59.2, 59.2),
                            Crs.wkt(MOON_WKT));
            default ->
                    // a centre-anchored transform must come out corner-anchored in the file
                    new GridGeometry(
                            w,
                            h,
                            new GeoTransform(1000, 10, 0, 2000, 0, -10, PixelAnchor.CENTER),
                            Crs.epsg(32633));
        };
    }
}
