package dev.surveyor.io.tiff;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.io.tiff.GeoTiffWriteOptions.Compression;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Damaged files give a {@link RasterFormatException} naming the file and the offending value. */
class GeoTiffBadInputTest {
    @TempDir Path dir;

    byte[] valid(Compression c, boolean tiled) throws IOException {
        GeoTiffWriteOptions o = new GeoTiffWriteOptions().compression(c, 1);
        if (tiled) {
            o.tiles(16, 16);
        } else {
            o.rowsPerStrip = 7;
        }
        Path f = dir.resolve("valid.tif");
        GeoTiffWriter.write(
                RasterDataset.of(TestRasters.create(DataType.UINT16, 40, 30, 2, 1)), f, o);
        return Files.readAllBytes(f);
    }

    Path file(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }

    /** Opens and reads everything; asserts a RasterFormatException whose message has all parts. */
    void assertBad(Path f, String... parts) {
        Executable read =
                () -> {
                    try (GeoTiffReader r = GeoTiffReader.open(f)) {
                        r.readAll();
                    }
                };
        RasterFormatException e = assertThrows(RasterFormatException.class, read);
        assertTrue(e.getMessage().startsWith(f.getFileName() + ": "), e.getMessage());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' not in: " + e.getMessage());
        }
    }

    @Test
    void wrongMagicAndTinyFiles() throws IOException {
        assertBad(file("empty.tif", new byte[0]), "too short");
        assertBad(
                file("png.tif", "\u0089PNG\r\n\u001a\n0000000000".getBytes("ISO-8859-1")),
                "byte-order mark");
        byte[] b = valid(Compression.NONE, false);
        b[2] = 41;
        assertBad(file("magic.tif", b), "magic number is 41");
    }

    @Test
    void truncatedFiles() throws IOException {
        byte[] b = valid(Compression.DEFLATE, false);
        // our writer puts the IFD last: cutting the file loses it
        assertBad(file("cut.tif", Arrays.copyOf(b, b.length / 2)), "first IFD offset");
        assertBad(file("cut12.tif", Arrays.copyOf(b, 12)), "first IFD offset");
        // cutting inside the IFD
        TiffBytes t = new TiffBytes(b);
        assertBad(file("cutifd.tif", Arrays.copyOf(b, t.entryPos(3))), "entries");
    }

    @Test
    void truncatedGdalFileWithDirectoryFirst() throws IOException {
        GdalRef.require();
        GdalRef gdal = new GdalRef(dir);
        gdal.make("g", 200, 100, 1, "Float32", 1, "", "COMPRESS=DEFLATE").run();
        byte[] b = Files.readAllBytes(gdal.tif("g"));
        assertTrue(new TiffBytes(b).ifd < 1000, "GDAL writes the IFD first");
        assertBad(
                file("gcut.tif", Arrays.copyOf(b, b.length - 100)),
                "beyond the end of the file (size");
    }

    @Test
    void impossibleTagValues() throws IOException {
        assertBad(
                file(
                        "w0.tif",
                        new TiffBytes(valid(Compression.NONE, false))
                                .setValue(TiffTags.IMAGE_WIDTH, 0)
                                .data),
                "ImageWidth is 0");
        assertBad(
                file(
                        "whuge.tif",
                        new TiffBytes(valid(Compression.LZW, false))
                                .setValue(TiffTags.IMAGE_WIDTH, 0xFFFFFFF0L)
                                .data),
                "ImageWidth is 4294967280");
        assertBad(
                file(
                        "whuge2.tif",
                        new TiffBytes(valid(Compression.LZW, false))
                                .setValue(TiffTags.IMAGE_WIDTH, 2_000_000_000L)
                                .data),
                "too large");
        assertBad(
                file(
                        "wbig.tif",
                        new TiffBytes(valid(Compression.NONE, false))
                                .setValue(TiffTags.IMAGE_WIDTH, 41)
                                .data),
                "StripByteCounts[0]",
                "needs");
        assertBad(
                file(
                        "h.tif",
                        new TiffBytes(valid(Compression.NONE, false))
                                .setValue(TiffTags.IMAGE_LENGTH, 300)
                                .data),
                "StripOffsets has 5 entries",
                "needs 43");
        assertBad(
                file(
                        "comp.tif",
                        new TiffBytes(valid(Compression.NONE, false))
                                .setValue(TiffTags.COMPRESSION, 7)
                                .data),
                "Compression 7");
        assertBad(
                file(
                        "pred.tif",
                        new TiffBytes(valid(Compression.LZW, false))
                                .setValue(TiffTags.PLANAR_CONFIGURATION, 3)
                                .data),
                "PlanarConfiguration is 3");
        assertBad(
                file(
                        "bps.tif",
                        new TiffBytes(valid(Compression.NONE, true))
                                .setValue(TiffTags.TILE_WIDTH, 0)
                                .data),
                "TileWidth is 0");
    }

    @Test
    void offsetsBeyondEndOfFile() throws IOException {
        TiffBytes t = new TiffBytes(valid(Compression.NONE, false));
        ByteBuffer bb = ByteBuffer.wrap(t.data).order(ByteOrder.LITTLE_ENDIAN);
        int p = (int) t.outOfLineOffset(TiffTags.STRIP_OFFSETS);
        bb.putInt(p + 8, 0x7FFFFFFF); // StripOffsets[2]
        assertBad(
                file("off.tif", t.data),
                "StripOffsets[2] = 2147483647",
                "beyond the end of the file");
    }

    @Test
    void corruptedCompressedData() throws IOException {
        for (Compression c : new Compression[] {Compression.DEFLATE, Compression.LZW}) {
            byte[] b = valid(c, true);
            TiffBytes t = new TiffBytes(b);
            long first = t.outOfLineOffset(TiffTags.TILE_OFFSETS);
            int off = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt((int) first);
            for (int i = 0; i < 12; i++) {
                b[off + 2 + i] = (byte) 0xFF;
            }
            assertBad(
                    file("corrupt-" + c + ".tif", b),
                    "tile 0",
                    c == Compression.LZW ? "LZW" : "DEFLATE");
        }
    }

    @Test
    void windowsDecodeOnlyTheBlocksTheyTouch() throws IOException {
        byte[] b = valid(Compression.DEFLATE, true); // 40x30 in 16x16 tiles: 3x2 tiles
        TiffBytes t = new TiffBytes(b);
        long first = t.outOfLineOffset(TiffTags.TILE_OFFSETS);
        int off = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt((int) first);
        Arrays.fill(b, off, off + 20, (byte) 0xFF); // damage tile 0 only
        Path f = file("tile0.tif", b);
        try (GeoTiffReader r = GeoTiffReader.open(f)) {
            r.readWindow(16, 0, 24, 30); // tiles 1, 2, 4, 5
            r.readWindow(0, 16, 40, 14); // tiles 3, 4, 5
            assertThrows(RasterFormatException.class, () -> r.readWindow(15, 15, 2, 2));
        }
    }

    @Test
    void windowsOutsideTheRasterAreArgumentErrors() throws IOException {
        Path f = file("ok.tif", valid(Compression.NONE, false));
        try (GeoTiffReader r = GeoTiffReader.open(f)) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> r.readBand(0, 30, 0, 20, 5));
            assertTrue(
                    e.getMessage().contains("ok.tif") && e.getMessage().contains("x0=30"),
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> r.readBand(2, 0, 0, 5, 5));
            assertThrows(IllegalArgumentException.class, () -> r.readWindow(-1, 0, 5, 5));
        }
    }
}
