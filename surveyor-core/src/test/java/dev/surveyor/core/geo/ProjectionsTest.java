package dev.surveyor.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProjectionsTest {
    static final String MOON_SIMPLE_CYLINDRICAL =
            "PROJCS[\"SimpleCylindrical Moon\",GEOGCS[\"GCS_Moon\",DATUM[\"D_Moon\","
                    + "SPHEROID[\"Moon_localRadius\",1737400,0]],PRIMEM[\"Reference_Meridian\",0],"
                    + "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Equirectangular\"],"
                    + "PARAMETER[\"standard_parallel_1\",0],PARAMETER[\"central_meridian\",180],"
                    + "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]";

    static final String MARS_EQUIRECTANGULAR =
            "PROJCS[\"Equirectangular Mars\",GEOGCS[\"GCS_Mars\",DATUM[\"D_Mars\","
                    + "SPHEROID[\"Mars\",3396190,0]],PRIMEM[\"Reference_Meridian\",0],"
                    + "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Equirectangular\"],"
                    + "PARAMETER[\"standard_parallel_1\",15],PARAMETER[\"central_meridian\",0],"
                    + "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]";

    static final String MOON_GEOGRAPHIC =
            "GEOGCS[\"Moon 2000\",DATUM[\"D_Moon_2000\",SPHEROID[\"Moon_2000_IAU_IAG\",1737400.0,0.0]],"
                    + "PRIMEM[\"Greenwich\",0],UNIT[\"Decimal_Degree\",0.0174532925199433]]";

    /** {@code gdalsrsinfo -o wkt1 EPSG:4326} (GDAL 3.6.2). */
    static final String GDAL_4326_WKT1 =
            "GEOGCS[\"WGS 84\",\n    DATUM[\"WGS_1984\",\n        SPHEROID[\"WGS 84\",6378137,298.257223563,\n"
                    + "            AUTHORITY[\"EPSG\",\"7030\"]],\n        AUTHORITY[\"EPSG\",\"6326\"]],\n"
                    + "    PRIMEM[\"Greenwich\",0,\n        AUTHORITY[\"EPSG\",\"8901\"]],\n"
                    + "    UNIT[\"degree\",0.0174532925199433,\n        AUTHORITY[\"EPSG\",\"9122\"]],\n"
                    + "    AXIS[\"Latitude\",NORTH],\n    AXIS[\"Longitude\",EAST],\n"
                    + "    AUTHORITY[\"EPSG\",\"4326\"]]";

    /** {@code gdalsrsinfo -o wkt2 EPSG:4326} (GDAL 3.6.2), USAGE shortened. */
    static final String GDAL_4326_WKT2 =
            "GEOGCRS[\"WGS 84\",\n    ENSEMBLE[\"World Geodetic System 1984 ensemble\",\n"
                    + "        MEMBER[\"World Geodetic System 1984 (Transit)\"],\n"
                    + "        MEMBER[\"World Geodetic System 1984 (G2139)\"],\n"
                    + "        ELLIPSOID[\"WGS 84\",6378137,298.257223563,\n            LENGTHUNIT[\"metre\",1]],\n"
                    + "        ENSEMBLEACCURACY[2.0]],\n    PRIMEM[\"Greenwich\",0,\n"
                    + "        ANGLEUNIT[\"degree\",0.0174532925199433]],\n    CS[ellipsoidal,2],\n"
                    + "        AXIS[\"geodetic latitude (Lat)\",north,\n            ORDER[1],\n"
                    + "            ANGLEUNIT[\"degree\",0.0174532925199433]],\n"
                    + "        AXIS[\"geodetic longitude (Lon)\",east,\n            ORDER[2],\n"
                    + "            ANGLEUNIT[\"degree\",0.0174532925199433]],\n    USAGE[\n"
                    + "        SCOPE[\"Horizontal component of 3D system.\"],\n        AREA[\"World.\"],\n"
                    + "        BBOX[-90,-180,90,180]],\n    ID[\"EPSG\",4326]]";

    /** {@code projinfo -o WKT2:2019 IAU_2015:30115} (PROJ 9.1): the Moon, clon = 180. */
    static final String IAU_30115_WKT2 =
            "PROJCRS[\"Moon (2015) - Sphere / Ocentric / Equirectangular, clon = 180\",\n"
                    + " BASEGEOGCRS[\"Moon (2015) - Sphere / Ocentric\",\n"
                    + "  DATUM[\"Moon (2015) - Sphere\",\n"
                    + "   ELLIPSOID[\"Moon (2015) - Sphere\",1737400,0,LENGTHUNIT[\"metre\",1]]],\n"
                    + "  PRIMEM[\"Reference Meridian\",0,ANGLEUNIT[\"degree\",0.0174532925199433]],\n"
                    + "  ID[\"IAU\",30100,2015]],\n"
                    + " CONVERSION[\"Equirectangular, clon = 180\",\n"
                    + "  METHOD[\"Equidistant Cylindrical\",ID[\"EPSG\",1028]],\n"
                    + "  PARAMETER[\"Latitude of 1st standard parallel\",0,"
                    + "ANGLEUNIT[\"degree\",0.0174532925199433],ID[\"EPSG\",8823]],\n"
                    + "  PARAMETER[\"Longitude of natural origin\",180,"
                    + "ANGLEUNIT[\"degree\",0.0174532925199433],ID[\"EPSG\",8802]],\n"
                    + "  PARAMETER[\"False easting\",0,LENGTHUNIT[\"metre\",1],ID[\"EPSG\",8806]],\n"
                    + "  PARAMETER[\"False northing\",0,LENGTHUNIT[\"metre\",1],ID[\"EPSG\",8807]]],\n"
                    + " CS[Cartesian,2],\n"
                    + "  AXIS[\"(E)\",east,ORDER[1],LENGTHUNIT[\"metre\",1]],\n"
                    + "  AXIS[\"(N)\",north,ORDER[2],LENGTHUNIT[\"metre\",1]],\n"
                    + " ID[\"IAU\",30115,2015]]";

    @Test
    void moonSimpleCylindrical() {
        MapProjection p = Projections.fromWkt(MOON_SIMPLE_CYLINDRICAL);
        assertEquals(EquirectangularProjection.of(Body.MOON, 0, 180), p);
        assertSame(Body.MOON, p.body());
        double dx = p.fromLonLat(181, 0)[0] - p.fromLonLat(180, 0)[0];
        assertEquals(2 * Math.PI * 1737.4 / 360, dx / 1000, 1e-9);
    }

    @Test
    void marsEquirectangularWithStandardParallel() {
        MapProjection p = Projections.fromWkt(MARS_EQUIRECTANGULAR);
        assertEquals(EquirectangularProjection.of(Body.MARS, 15, 0), p);
    }

    @Test
    void planetaryGeographic() {
        MapProjection p = Projections.fromWkt(MOON_GEOGRAPHIC);
        assertEquals(new GeographicProjection(Body.MOON), p);
    }

    @Test
    void gdalWktForEpsg4326() {
        assertEquals(new GeographicProjection(Body.EARTH), Projections.fromWkt(GDAL_4326_WKT1));
        assertEquals(new GeographicProjection(Body.EARTH), Projections.fromWkt(GDAL_4326_WKT2));
        // without the EPSG identifiers the WKT itself must be understood
        assertEquals(
                new GeographicProjection(Body.EARTH),
                Projections.fromWkt(stripIds(GDAL_4326_WKT1)));
        assertEquals(
                new GeographicProjection(Body.EARTH),
                Projections.fromWkt(stripIds(GDAL_4326_WKT2)));
    }

    @Test
    void epsgCodes() {
        assertEquals(new GeographicProjection(Body.EARTH), Projections.fromCrs(Crs.epsg(4326)));
        assertEquals(EquirectangularProjection.earthWorld(), Projections.fromCrs(Crs.epsg(4087)));
        assertEquals(EquirectangularProjection.earthWorld(), Projections.fromCrs(Crs.epsg(32662)));
        assertEquals(
                TransverseMercatorProjection.utm(50, true), Projections.fromCrs(Crs.epsg(32650)));
        assertEquals(
                TransverseMercatorProjection.utm(1, false), Projections.fromCrs(Crs.epsg(32701)));
        assertEquals(117.0, TransverseMercatorProjection.utm(50, true).centralMeridianDeg());
    }

    @Test
    void unknownCrsIsRejectedByName() {
        var e =
                assertThrows(
                        IllegalArgumentException.class, () -> Projections.fromCrs(Crs.epsg(3857)));
        assertTrue(e.getMessage().contains("EPSG:3857"), e.getMessage());
        String merc = MOON_SIMPLE_CYLINDRICAL.replace("Equirectangular", "Mercator_1SP");
        e = assertThrows(IllegalArgumentException.class, () -> Projections.fromWkt(merc));
        assertTrue(e.getMessage().contains("Mercator_1SP"), e.getMessage());
        assertTrue(e.getMessage().contains("SimpleCylindrical Moon"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Projections.fromWkt("GEOGCS[\"x\""));
        assertTrue(e.getMessage().contains("GEOGCS"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Projections.fromCrs(null));
        String km = MOON_SIMPLE_CYLINDRICAL.replace("UNIT[\"metre\",1]", "UNIT[\"km\",1000]");
        assertThrows(IllegalArgumentException.class, () -> Projections.fromWkt(km));
        String pm =
                MOON_GEOGRAPHIC.replace("PRIMEM[\"Greenwich\",0]", "PRIMEM[\"Paris\",2.33722917]");
        assertThrows(IllegalArgumentException.class, () -> Projections.fromWkt(pm));
    }

    @Test
    void compoundCrsUsesItsHorizontalPart() {
        String compound =
                "COMPD_CS[\"Moon + height\","
                        + MOON_SIMPLE_CYLINDRICAL
                        + ",VERT_CS[\"h\",VERT_DATUM[\"d\",2005],UNIT[\"metre\",1]]]";
        assertEquals(
                EquirectangularProjection.of(Body.MOON, 0, 180), Projections.fromWkt(compound));
    }

    @Test
    void epsgCodeWithWktFallsBackToTheWkt() {
        MapProjection p = Projections.fromCrs(new Crs(104903, MOON_GEOGRAPHIC));
        assertEquals(new GeographicProjection(Body.MOON), p);
    }

    @Test
    void planetaryWkt2FromProj() {
        assertEquals(
                EquirectangularProjection.of(Body.MOON, 0, 180),
                Projections.fromWkt(IAU_30115_WKT2));
    }

    @Test
    void iauCodesFromProjParse() {
        RefTools.require("projinfo", "-q", "-o", "PROJ", "EPSG:4326");
        Object[][] cases = {
            {"IAU_2015:30100", new GeographicProjection(Body.MOON)},
            {"IAU_2015:30110", EquirectangularProjection.of(Body.MOON, 0, 0)},
            {"IAU_2015:30115", EquirectangularProjection.of(Body.MOON, 0, 180)},
            {"IAU_2015:49900", new GeographicProjection(Body.MARS)},
            {"IAU_2015:49910", EquirectangularProjection.of(Body.MARS, 0, 0)},
            {"IAU_2015:49915", EquirectangularProjection.of(Body.MARS, 0, 180)},
        };
        for (Object[] c : cases) {
            for (String format : new String[] {"WKT1:GDAL", "WKT2:2019", "WKT1:ESRI"}) {
                String wkt = RefTools.run("", "projinfo", "-q", "-o", format, (String) c[0]).trim();
                assertEquals(c[1], Projections.fromWkt(wkt), c[0] + " as " + format + ": " + wkt);
            }
        }
    }

    @Test
    void gdalSrsInfoOutputsParse() {
        RefTools.require("gdalsrsinfo", "--version");
        int[] codes = {4326, 4087, 32662, 32650, 32750, 32601};
        for (int code : codes) {
            MapProjection expected = Projections.fromCrs(Crs.epsg(code));
            for (String format : new String[] {"wkt1", "wkt2", "wkt_esri"}) {
                String wkt = RefTools.run("", "gdalsrsinfo", "-o", format, "EPSG:" + code).trim();
                MapProjection got = Projections.fromWkt(stripIds(wkt));
                assertEquals(expected, got, "EPSG:" + code + " as " + format + ": " + wkt);
            }
        }
    }

    /** Removes AUTHORITY[...] and ID[...] nodes so the WKT itself must be interpreted. */
    static String stripIds(String wkt) {
        return wkt.replaceAll(",\\s*AUTHORITY\\[\"[^\"]*\",\"[^\"]*\"\\]", "")
                .replaceAll(",\\s*ID\\[\"[^\"]*\",[0-9]+(,\\s*[A-Z]+\\[[^\\]]*\\])?\\]", "");
    }
}
