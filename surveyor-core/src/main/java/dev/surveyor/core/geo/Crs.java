package dev.surveyor.core.geo;

/**
 * A coordinate reference system named by an EPSG code, by WKT, or both.
 *
 * @param epsg EPSG code, or 0 when the CRS has none (e.g. planetary CRSs given by WKT)
 * @param wkt OGC WKT (1 or 2), or {@code null} when only the code is known
 */
public record Crs(int epsg, String wkt) {
    public Crs {
        if (epsg < 0) {
            throw new IllegalArgumentException("EPSG code must be positive, got " + epsg);
        }
        if (epsg == 0 && (wkt == null || wkt.isBlank())) {
            throw new IllegalArgumentException("a CRS needs an EPSG code or a WKT string");
        }
        if (wkt != null && wkt.isBlank()) {
            wkt = null;
        }
    }

    /** A CRS known by its EPSG code. */
    public static Crs epsg(int code) {
        return new Crs(code, null);
    }

    /** A CRS known by its WKT. */
    public static Crs wkt(String wkt) {
        return new Crs(0, wkt);
    }

    /** Whether the EPSG code is known. */
    public boolean hasEpsg() {
        return epsg > 0;
    }

    @Override
    public String toString() {
        return hasEpsg() ? "EPSG:" + epsg : wkt;
    }
}
