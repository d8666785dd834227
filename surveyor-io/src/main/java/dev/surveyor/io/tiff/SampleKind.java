package dev.surveyor.io.tiff;

import dev.surveyor.core.raster.DataType;

/**
 * The sample types this package reads, with their size on disk and their type in memory. Types
 * without an exact in-memory counterpart are widened: int8 to {@link DataType#INT16}; uint32, int32
 * and float64 to {@link DataType#FLOAT32} (lossy beyond 24 bits of precision); CInt16, CInt32 and
 * CFloat64 to {@link DataType#COMPLEX64}.
 */
enum SampleKind {
    U8(1, 1, DataType.UINT8, "Byte"),
    I8(1, 2, DataType.INT16, "Int8"),
    U16(2, 1, DataType.UINT16, "UInt16"),
    I16(2, 2, DataType.INT16, "Int16"),
    U32(4, 1, DataType.FLOAT32, "UInt32"),
    I32(4, 2, DataType.FLOAT32, "Int32"),
    F32(4, 3, DataType.FLOAT32, "Float32"),
    F64(8, 3, DataType.FLOAT32, "Float64"),
    CI16(4, 5, DataType.COMPLEX64, "CInt16"),
    CI32(8, 5, DataType.COMPLEX64, "CInt32"),
    CF32(8, 6, DataType.COMPLEX64, "CFloat32"),
    CF64(16, 6, DataType.COMPLEX64, "CFloat64");

    /** Bytes of one sample on disk (both parts for complex). */
    final int bytes;

    /** TIFF SampleFormat value. */
    final int sampleFormat;

    /** Type in memory. */
    final DataType memoryType;

    /** GDAL's name for the type on disk. */
    final String gdalName;

    SampleKind(int bytes, int sampleFormat, DataType memoryType, String gdalName) {
        this.bytes = bytes;
        this.sampleFormat = sampleFormat;
        this.memoryType = memoryType;
        this.gdalName = gdalName;
    }

    /** The kind for a TIFF SampleFormat and BitsPerSample, or {@code null} when unsupported. */
    static SampleKind of(int sampleFormat, int bits) {
        for (SampleKind k : values()) {
            if (k.sampleFormat == sampleFormat && k.bytes * 8 == bits) {
                return k;
            }
        }
        return null;
    }

    /** The kind written for an in-memory type. */
    static SampleKind forWrite(DataType t, boolean complexInt16) {
        return switch (t) {
            case UINT8 -> U8;
            case INT16 -> I16;
            case UINT16 -> U16;
            case FLOAT32 -> F32;
            case COMPLEX64 -> complexInt16 ? CI16 : CF32;
        };
    }

    /** Word size the predictors work on (libtiff uses BitsPerSample). */
    int wordSize() {
        return bytes;
    }
}
