package dev.surveyor.io;

import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.io.envi.EnviReader;
import dev.surveyor.io.envi.EnviWriter;
import dev.surveyor.io.image.PgmReader;
import dev.surveyor.io.image.PgmWriter;
import dev.surveyor.io.image.PngReader;
import dev.surveyor.io.image.PngWriter;
import dev.surveyor.io.raw.RawLayout;
import dev.surveyor.io.raw.RawRasterSource;
import dev.surveyor.io.raw.RawReader;
import dev.surveyor.io.tiff.GeoTiffReader;
import dev.surveyor.io.tiff.GeoTiffWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens, reads and writes rasters in any supported format.
 *
 * <p>Reading picks the format from the file's first bytes, then its name: TIFF and BigTIFF (magic
 * {@code II*\0}, {@code MM\0*}, {@code II+\0}, {@code MM\0+}) &rarr; GeoTIFF; PNG signature &rarr;
 * PNG; {@code P5}/{@code P2} &rarr; PGM; a {@code .hdr} file starting with {@code ENVI}, or a file
 * with an ENVI header beside it ({@code x.hdr} or {@code x.img.hdr}) &rarr; ENVI. Headerless binary
 * files need their layout: {@link #openRaw}.
 *
 * <p>Writing picks the format from the extension: {@code .tif}/{@code .tiff} &rarr; GeoTIFF with
 * default options; {@code .img}/{@code .bin}/{@code .dat} &rarr; ENVI (BSQ, little-endian, header
 * {@code x.hdr}); {@code .png}; {@code .pgm}. Every write is atomic.
 */
public final class RasterIO {
    private RasterIO() {}

    /**
     * Opens a raster for windowed reads. Close it when done.
     *
     * @throws NoSuchFileException when the file does not exist
     * @throws RasterFormatException naming the file when its format is unknown or its content is
     *     bad
     */
    public static RasterSource open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new RasterFormatException(file, "is a folder, not a raster file");
        }
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n >= 4 && isTiffMagic(head)) {
            return GeoTiffReader.open(file);
        }
        if (n >= 8 && startsWith(head, PNG_SIGNATURE)) {
            return PngReader.open(file);
        }
        if (n >= 2
                && head[0] == 'P'
                && (head[1] == '5' || head[1] == '2')
                && (n == 2 || Character.isWhitespace(head[2]) || name.endsWith(".pgm"))) {
            return PgmReader.open(file);
        }
        if (name.endsWith(".hdr")) {
            if (n >= 4 && new String(head, 0, 4, StandardCharsets.ISO_8859_1).equals("ENVI")) {
                return EnviReader.open(file);
            }
            throw new RasterFormatException(file, "a .hdr file that does not start with ENVI");
        }
        if (EnviReader.headerFor(file).isPresent()) {
            return EnviReader.open(file);
        }
        throw new RasterFormatException(
                file,
                "unknown raster format (not TIFF, PNG, PGM or ENVI with a .hdr beside it;"
                        + " headerless binary needs an explicit layout)");
    }

    /** Opens a headerless binary file laid out as {@code layout}. */
    public static RawRasterSource openRaw(Path file, RawLayout layout) throws IOException {
        return RawReader.open(file, layout);
    }

    /** Reads a whole raster with its georeferencing, no-data and metadata. */
    public static RasterDataset read(Path file) throws IOException {
        try (RasterSource src = open(file)) {
            return src.readAll();
        }
    }

    /**
     * Writes {@code ds} in the format its extension names, atomically.
     *
     * @param ds (Input) the raster. Not modified.
     * @throws IllegalArgumentException naming the file when the extension is unknown, or when the
     *     format cannot hold the raster (e.g. float32 as PNG)
     */
    public static void write(RasterDataset ds, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.lastIndexOf('.') >= 0 ? name.substring(name.lastIndexOf('.')) : "";
        switch (ext) {
            case ".tif", ".tiff" -> GeoTiffWriter.write(ds, file);
            case ".img", ".bin", ".dat" -> EnviWriter.write(ds, file);
            case ".png" -> PngWriter.write(ds, file);
            case ".pgm" -> PgmWriter.write(ds, file);
            default ->
                    throw new IllegalArgumentException(
                            file.getFileName()
                                    + ": cannot tell the format from the extension '"
                                    + ext
                                    + "' (use .tif, .tiff, .img, .bin, .dat, .png or .pgm)");
        }
    }

    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'
    };

    private static boolean isTiffMagic(byte[] h) {
        boolean ii = h[0] == 'I' && h[1] == 'I' && (h[2] == 42 || h[2] == 43) && h[3] == 0;
        boolean mm = h[0] == 'M' && h[1] == 'M' && h[2] == 0 && (h[3] == 42 || h[3] == 43);
        return ii || mm;
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (a[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
