package dev.surveyor.io.raw;

import dev.surveyor.core.raster.DataType;
import java.util.Locale;

/**
 * Sample types as stored on disk, and the in-memory {@link DataType} each one reads into.
 *
 * <p>Types the in-memory rasters hold exactly keep their type. Wider real types (int32, uint32,
 * int64, uint64, float64) read as {@link DataType#FLOAT32}, which rounds integers beyond
 * 2<sup>24</sup> and float64 values to the nearest float. Complex types read as {@link
 * DataType#COMPLEX64}; {@code CINT16} exactly, {@code CINT32} and {@code CFLOAT64} rounded to
 * float.
 */
public enum SampleFormat {
    /** Unsigned 8-bit (GDAL Byte). */
    UINT8(1, DataType.UINT8, "Byte"),
    /** Signed 16-bit. */
    INT16(2, DataType.INT16, "Int16"),
    /** Unsigned 16-bit. */
    UINT16(2, DataType.UINT16, "UInt16"),
    /** Signed 32-bit; read as float32. */
    INT32(4, DataType.FLOAT32, "Int32"),
    /** Unsigned 32-bit; read as float32. */
    UINT32(4, DataType.FLOAT32, "UInt32"),
    /** Signed 64-bit; read as float32. */
    INT64(8, DataType.FLOAT32, "Int64"),
    /** Unsigned 64-bit; read as float32. */
    UINT64(8, DataType.FLOAT32, "UInt64"),
    /** IEEE 754 single precision. */
    FLOAT32(4, DataType.FLOAT32, "Float32"),
    /** IEEE 754 double precision; read as float32. */
    FLOAT64(8, DataType.FLOAT32, "Float64"),
    /** Complex of two signed 16-bit integers (real, imaginary); read as complex64 (exact). */
    CINT16(4, DataType.COMPLEX64, "CInt16"),
    /** Complex of two signed 32-bit integers; read as complex64. */
    CINT32(8, DataType.COMPLEX64, "CInt32"),
    /** Complex of two float32 (real, imaginary). */
    CFLOAT32(8, DataType.COMPLEX64, "CFloat32"),
    /** Complex of two float64; read as complex64. */
    CFLOAT64(16, DataType.COMPLEX64, "CFloat64");

    private final int bytesPerSample;
    private final DataType memoryType;
    private final String gdalName;

    SampleFormat(int bytesPerSample, DataType memoryType, String gdalName) {
        this.bytesPerSample = bytesPerSample;
        this.memoryType = memoryType;
        this.gdalName = gdalName;
    }

    /** Bytes one sample takes on disk (both parts for complex types). */
    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** The in-memory type a read produces. */
    public DataType memoryType() {
        return memoryType;
    }

    /** Whether a sample is complex. */
    public boolean isComplex() {
        return memoryType == DataType.COMPLEX64;
    }

    /** GDAL's name for the type, e.g. {@code CFloat32}. */
    public String gdalName() {
        return gdalName;
    }

    /** The format that stores {@code type} exactly with no widening (complex64 -> CFLOAT32). */
    public static SampleFormat natural(DataType type) {
        return switch (type) {
            case UINT8 -> UINT8;
            case INT16 -> INT16;
            case UINT16 -> UINT16;
            case FLOAT32 -> FLOAT32;
            case COMPLEX64 -> CFLOAT32;
        };
    }

    /**
     * Whether a raster of {@code type} can be written in this format without loss: the natural
     * format, or float64 / complex128 for float32 / complex64.
     */
    public boolean canWriteExactly(DataType type) {
        return this == natural(type)
                || (type == DataType.FLOAT32 && this == FLOAT64)
                || (type == DataType.COMPLEX64 && this == CFLOAT64);
    }

    /**
     * Parses a GDAL type name ({@code Byte}, {@code Int16}, ..., {@code CFloat64};
     * case-insensitive) or an enum name ({@code uint8}, {@code float32}, also {@code complex64} for
     * CFloat32).
     *
     * @throws IllegalArgumentException naming the value otherwise
     */
    public static SampleFormat parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (SampleFormat f : values()) {
            if (f.gdalName.toLowerCase(Locale.ROOT).equals(n)
                    || f.name().toLowerCase(Locale.ROOT).equals(n)) {
                return f;
            }
        }
        if (n.equals("complex64")) {
            return CFLOAT32;
        }
        if (n.equals("complex128")) {
            return CFLOAT64;
        }
        throw new IllegalArgumentException(
                "unknown sample format '"
                        + name
                        + "' (expected Byte, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float32,"
                        + " Float64, CInt16, CInt32, CFloat32 or CFloat64)");
    }
}
