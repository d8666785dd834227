package dev.surveyor.io.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.geo.Body;
import dev.surveyor.core.geo.Crs;
import dev.surveyor.core.geo.EquirectangularProjection;
import dev.surveyor.core.geo.GeoTransform;
import dev.surveyor.core.geo.GeographicProjection;
import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.geo.MapProjection;
import dev.surveyor.core.geo.Projections;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.RasterDataset;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CRSs without an EPSG code (Moon and Mars): written as user-defined GeoKeys (ellipsoid, and the
 * equirectangular parameters) that GDAL understands, and read back, from our files and GDAL's.
 */
class GeoTiffPlanetaryCrsTest {
    @TempDir Path dir;

    static final String MOON_EQC =
            "PROJCS[\"Moon_Equirectangular\",GEOGCS[\"Moon 2000\",DATUM[\"D_Moon_2000\","
                    + "SPHEROID[\"Moon_2000_IAU_IAG\",1737400,0]],PRIMEM[\"Greenwich\",0],"
                    + "UNIT[\"Decimal_Degree\",0.0174532925199433]],PROJECTION[\"Equirectangular\"],"
                    + "PARAMETER[\"standard_parallel_1\",10],PARAMETER[\"central_meridian\",180],"
                    + "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"Meter\",1]]";
    static final String MARS_GEO =
            "GEOGCS[\"Mars 2000\",DATUM[\"D_Mars_2000\",SPHEROID[\"Mars_2000_IAU_IAG\",3396190,0]],"
                    + "PRIMEM[\"Greenwich\",0],UNIT[\"Decimal_Degree\",0.0174532925199433]]";

    RasterDataset dataset(String wkt, GeoTransform t) {
        return RasterDataset.of(
                TestRasters.create(DataType.FLOAT32, 20, 10, 1, 3),
                new GridGeometry(20, 10, t, Crs.wkt(wkt)));
    }

    @Test
    void ourMoonAndMarsFilesRoundTripAndGdalUnderstandsThem() throws IOException {
        Path moon = dir.resolve("moon.tif");
        Path mars = dir.resolve("mars.tif");
        GeoTiffWriter.write(
                dataset(MOON_EQC, GeoTransform.northUp(-1000, 5000, 100, 100)), moon, null);
        GeoTiffWriter.write(
                dataset(MARS_GEO, GeoTransform.northUp(10, 20, 0.01, 0.01)), mars, null);
        MapProjection moonP = Projections.fromCrs(Crs.wkt(MOON_EQC));
        MapProjection marsP = Projections.fromCrs(Crs.wkt(MARS_GEO));
        try (GeoTiffReader r = GeoTiffReader.open(moon)) {
            Crs c = r.geometry().orElseThrow().crs();
            assertFalse(c.hasEpsg());
            assertEquals(moonP, Projections.fromCrs(c));
        }
        try (GeoTiffReader r = GeoTiffReader.open(mars)) {
            assertEquals(marsP, Projections.fromCrs(r.geometry().orElseThrow().crs()));
        }
        GdalRef.require();
        GdalRef gdal = new GdalRef(dir);
        gdal.dump(moon, "moon").dump(mars, "mars").run();
        GdalRef.Info m = gdal.info("moon");
        assertEquals(1737400.0, m.num("semi_major"));
        assertEquals(0.0, m.num("inv_flattening"));
        assertEquals("Equirectangular", m.str("projection"));
        assertEquals(10.0, m.num("standard_parallel_1"));
        assertEquals(180.0, m.num("central_meridian"));
        assertArrayEquals(new double[] {-1000, 100, 0, 5000, 0, -100}, m.gt(), 0);
        GdalRef.Info g = gdal.info("mars");
        assertTrue(g.flag("geographic"));
        assertEquals(3396190.0, g.num("semi_major"));
        assertEquals(0.0, g.num("inv_flattening"));
    }

    @Test
    void gdalPlanetaryFilesReadAsTheirProjection() throws IOException {
        GdalRef.require();
        GdalRef gdal = new GdalRef(dir);
        String moonWkt = MOON_EQC.replace("\"", "\\\"");
        String marsWkt = MARS_GEO.replace("\"", "\\\"");
        gdal.make(
                        "gmoon",
                        20,
                        10,
                        1,
                        "Byte",
                        1,
                        "\"srs\":\"" + moonWkt + "\",\"gt\":[0,100,0,0,0,-100]")
                .make(
                        "gmars",
                        20,
                        10,
                        1,
                        "Byte",
                        2,
                        "\"srs\":\"" + marsWkt + "\",\"gt\":[0,0.01,0,0,0,-0.01]")
                .run();
        try (GeoTiffReader r = GeoTiffReader.open(gdal.tif("gmoon"))) {
            MapProjection p = Projections.fromCrs(r.geometry().orElseThrow().crs());
            assertEquals(new EquirectangularProjection(p.body(), 10, 180, 0, 0, 0), p);
            assertEquals(1737400.0, p.body().semiMajorAxisM());
            assertEquals(0.0, p.body().inverseFlattening());
        }
        try (GeoTiffReader r = GeoTiffReader.open(gdal.tif("gmars"))) {
            MapProjection p = Projections.fromCrs(r.geometry().orElseThrow().crs());
            assertTrue(p instanceof GeographicProjection);
            assertEquals(3396190.0, p.body().semiMajorAxisM());
            Body b = p.body();
            assertEquals(0.0, b.inverseFlattening());
        }
    }
}
