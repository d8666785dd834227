package dev.surveyor.core.raster;

import java.util.Locale;

/**
 * Sample types of in-memory rasters.
 *
 * <p>Complex samples ({@link #COMPLEX64}) are pairs of float32 (real, imaginary). Integer complex
 * data on disk (GDAL {@code CInt16}) is widened to {@code COMPLEX64} in memory, which is exact.
 */
public enum DataType {
    /** Unsigned 8-bit integer (GDAL {@code Byte}). */
    UINT8(1, false, "Byte"),
    /** Signed 16-bit integer (GDAL {@code Int16}). */
    INT16(2, false, "Int16"),
    /** Unsigned 16-bit integer (GDAL {@code UInt16}). */
    UINT16(2, false, "UInt16"),
    /** IEEE 754 32-bit float (GDAL {@code Float32}); no-data is {@code NaN} unless stated. */
    FLOAT32(4, false, "Float32"),
    /** Complex of two float32, interleaved real then imaginary (GDAL {@code CFloat32}). */
    COMPLEX64(8, true, "CFloat32");

    private final int bytesPerPixel;
    private final boolean complex;
    private final String gdalName;

    DataType(int bytesPerPixel, boolean complex, String gdalName) {
        this.bytesPerPixel = bytesPerPixel;
        this.complex = complex;
        this.gdalName = gdalName;
    }

    /** Bytes one pixel of one band takes in memory (8 for complex64). */
    public int bytesPerPixel() {
        return bytesPerPixel;
    }

    /** Whether a pixel is a complex number. */
    public boolean isComplex() {
        return complex;
    }

    /** The name GDAL uses for this type, e.g. {@code Float32}. */
    public String gdalName() {
        return gdalName;
    }

    /**
     * Parses a GDAL type name ({@code Byte}, {@code Int16}, {@code UInt16}, {@code Float32}, {@code
     * CFloat32}; case-insensitive; also {@code uint8}, {@code float32}, {@code complex64}).
     *
     * @throws IllegalArgumentException naming the value when it is not one of those
     */
    public static DataType parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (DataType t : values()) {
            if (t.gdalName.toLowerCase(Locale.ROOT).equals(n)
                    || t.name().toLowerCase(Locale.ROOT).equals(n)) {
                return t;
            }
        }
        if (n.equals("cint16") || n.equals("complex_int16")) {
            return COMPLEX64;
        }
        throw new IllegalArgumentException(
                "unknown data type '"
                        + name
                        + "' (expected Byte, Int16, UInt16, Float32 or CFloat32)");
    }
}
