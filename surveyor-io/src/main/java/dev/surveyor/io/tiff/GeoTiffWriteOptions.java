package dev.surveyor.io.tiff;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;

/**
 * Settings for {@link GeoTiffWriter} and {@link GeoTiffStreamWriter}. The defaults write what
 * {@code gdal_translate} writes without creation options: uncompressed, little-endian strips, pixel
 * interleaved, classic TIFF unless the file may exceed 4 GiB.
 */
public class GeoTiffWriteOptions implements Config {
    private static final long serialVersionUID = 1L;

    /** Compression schemes, with their TIFF code. */
    public enum Compression {
        NONE(1),
        LZW(5),
        DEFLATE(8),
        PACKBITS(32773);

        /** The TIFF Compression tag value. */
        public final int code;

        Compression(int code) {
            this.code = code;
        }
    }

    /** Whether to write BigTIFF (64-bit offsets). */
    public enum BigTiff {
        /**
         * BigTIFF when the uncompressed size (with a margin for compression overhead) exceeds 4
         * GiB.
         */
        AUTO,
        YES,
        NO
    }

    /** Compression. Default {@link Compression#NONE}. */
    public Compression compression = Compression.NONE;

    /**
     * Predictor: 1 none, 2 horizontal differencing (integer samples), 3 floating point (float32
     * only). Ignored without compression. Default 1.
     */
    public int predictor = 1;

    /** DEFLATE level, 1 (fast) to 9 (small). Default 6, as GDAL. */
    public int deflateLevel = 6;

    /** Tiles instead of strips. Default false. */
    public boolean tiled = false;

    /** Tile width in pixels, a multiple of 16. Default 256. */
    public int tileWidthPx = 256;

    /** Tile height in pixels, a multiple of 16. Default 256. */
    public int tileHeightPx = 256;

    /** Rows per strip; 0 = automatic (strips of about 64 KiB uncompressed). Default 0. */
    public int rowsPerStrip = 0;

    /** Band interleave (PlanarConfiguration 2) instead of pixel interleave. Default false. */
    public boolean planar = false;

    /** BigTIFF choice. Default {@link BigTiff#AUTO}. */
    public BigTiff bigTiff = BigTiff.AUTO;

    /**
     * Write complex rasters as CInt16 (each part rounded and clamped to int16, NaN to 0) instead of
     * CFloat32. Default false.
     */
    public boolean complexInt16 = false;

    /** Big-endian ("MM") byte order instead of little-endian ("II"). Default false. */
    public boolean bigEndian = false;

    /** Compression on, convenience for chaining. */
    public GeoTiffWriteOptions compression(Compression c, int predictor) {
        this.compression = c;
        this.predictor = predictor;
        return this;
    }

    /** Tiles of the given size, convenience for chaining. */
    public GeoTiffWriteOptions tiles(int widthPx, int heightPx) {
        this.tiled = true;
        this.tileWidthPx = widthPx;
        this.tileHeightPx = heightPx;
        return this;
    }

    @Override
    public void validate() {
        Checks.notNull("compression", compression);
        Checks.notNull("bigTiff", bigTiff);
        Checks.inRange("predictor", predictor, 1, 3);
        Checks.inRange("deflateLevel", deflateLevel, 1, 9);
        Checks.atLeast("rowsPerStrip", rowsPerStrip, 0);
        if (tiled) {
            Checks.positive("tileWidthPx", tileWidthPx);
            Checks.positive("tileHeightPx", tileHeightPx);
            if (tileWidthPx % 16 != 0 || tileHeightPx % 16 != 0) {
                throw new IllegalArgumentException(
                        "tile size must be a multiple of 16, got "
                                + tileWidthPx
                                + "x"
                                + tileHeightPx);
            }
        }
    }

    /** A deep copy. */
    public GeoTiffWriteOptions copy() {
        GeoTiffWriteOptions c = new GeoTiffWriteOptions();
        c.compression = compression;
        c.predictor = predictor;
        c.deflateLevel = deflateLevel;
        c.tiled = tiled;
        c.tileWidthPx = tileWidthPx;
        c.tileHeightPx = tileHeightPx;
        c.rowsPerStrip = rowsPerStrip;
        c.planar = planar;
        c.bigTiff = bigTiff;
        c.complexInt16 = complexInt16;
        c.bigEndian = bigEndian;
        return c;
    }
}
