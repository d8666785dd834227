package dev.surveyor.io.raw;

import static dev.surveyor.testkit.RasterAsserts.assertRasterEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawRoundTripTest {
    @TempDir Path dir;

    /** Every type x interleave x byte order: write, read back equal; windows equal crops. */
    @Test
    void roundTripAndWindowsForEveryLayout() throws IOException {
        Random rnd = new Random(7);
        for (DataType t : DataType.values()) {
            for (Interleave il : Interleave.values()) {
                for (ByteOrder bo :
                        new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                    MultiBandRaster m = Patterns.random(t, 13, 9, 3, 42);
                    RawLayout layout = new RawLayout(13, 9, 3, SampleFormat.natural(t), bo, il, 17);
                    Path f = dir.resolve(t + "-" + il + "-" + bo + ".raw");
                    RawWriter.write(m, f, layout);
                    assertEquals(layout.fileBytes(), Files.size(f));
                    try (RawRasterSource src = RawReader.open(f, layout)) {
                        MultiBandRaster all = src.readWindow(0, 0, 13, 9);
                        for (int b = 0; b < 3; b++) {
                            assertRasterEquals(m.band(b), all.band(b), 0, 0);
                        }
                        for (int k = 0; k < 20; k++) {
                            int x0 = rnd.nextInt(13);
                            int y0 = rnd.nextInt(9);
                            int w = 1 + rnd.nextInt(13 - x0);
                            int h = 1 + rnd.nextInt(9 - y0);
                            int b = rnd.nextInt(3);
                            Raster win = src.readBand(b, x0, y0, w, h);
                            assertRasterEquals(all.band(b).subView(x0, y0, w, h), win, 0, 0);
                            MultiBandRaster wins = src.readWindow(x0, y0, w, h);
                            assertRasterEquals(
                                    all.band(b).subView(x0, y0, w, h), wins.band(b), 0, 0);
                        }
                    }
                }
            }
        }
    }

    /** The bytes land where the interleave formulas say, in the requested byte order. */
    @Test
    void bytesAreWhereTheLayoutSays() throws IOException {
        MultiBandRaster m = Patterns.random(DataType.INT16, 5, 4, 3, 1);
        for (Interleave il : Interleave.values()) {
            RawLayout layout =
                    new RawLayout(5, 4, 3, SampleFormat.INT16, ByteOrder.BIG_ENDIAN, il, 3);
            Path f = dir.resolve("b-" + il + ".raw");
            RawWriter.write(m, f, layout);
            ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.BIG_ENDIAN);
            for (int b = 0; b < 3; b++) {
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 5; x++) {
                        long idx =
                                switch (il) {
                                    case BSQ -> (b * 4L + y) * 5 + x;
                                    case BIL -> (y * 3L + b) * 5 + x;
                                    case BIP -> (y * 5L + x) * 3 + b;
                                };
                        assertEquals(
                                (short) m.band(b).getDouble(x, y),
                                bb.getShort((int) (3 + 2 * idx)),
                                il + " band " + b + " (" + x + ", " + y + ")");
                    }
                }
            }
        }
    }

    @Test
    void widenedFloat64AndComplex128ReadBackEqual() throws IOException {
        for (DataType t : new DataType[] {DataType.FLOAT32, DataType.COMPLEX64}) {
            MultiBandRaster m = Patterns.random(t, 6, 5, 2, 3);
            SampleFormat f = t == DataType.FLOAT32 ? SampleFormat.FLOAT64 : SampleFormat.CFLOAT64;
            RawLayout layout = RawLayout.of(6, 5, f).withBands(2, Interleave.BIP);
            Path p = dir.resolve("w-" + t + ".raw");
            RawWriter.write(m, p, layout);
            try (RawRasterSource src = RawReader.open(p, layout)) {
                assertEquals(t, src.dataType());
                assertRasterEquals(m.band(1), src.readBand(1, 0, 0, 6, 5), 0, 0);
            }
        }
    }

    @Test
    void lossyWriteIsRejected() {
        MultiBandRaster m = Patterns.random(DataType.FLOAT32, 4, 4, 1, 3);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                RawWriter.write(
                                        m,
                                        dir.resolve("x.raw"),
                                        RawLayout.of(4, 4, SampleFormat.INT16)));
        assertTrue(
                e.getMessage().contains("FLOAT32") && e.getMessage().contains("Int16"),
                e.getMessage());
        assertTrue(Files.notExists(dir.resolve("x.raw")));
    }

    @Test
    void fileSizeMustMatchLayout() throws IOException {
        Path f = dir.resolve("houston.amp");
        Files.write(f, new byte[4 * 10 * 10 - 1]);
        RasterFormatException e =
                assertThrows(
                        RasterFormatException.class,
                        () -> RawReader.open(f, RawLayout.of(10, 10, SampleFormat.FLOAT32)));
        assertTrue(e.getMessage().startsWith("houston.amp:"), e.getMessage());
        assertTrue(
                e.getMessage().contains("399") && e.getMessage().contains("400"), e.getMessage());
        Files.write(f, new byte[4 * 10 * 10 + 1]);
        e =
                assertThrows(
                        RasterFormatException.class,
                        () -> RawReader.open(f, RawLayout.of(10, 10, SampleFormat.FLOAT32)));
        assertTrue(e.getMessage().contains("401"), e.getMessage());
    }

    @Test
    void windowOrBandOutsideIsIllegalArgumentNamingTheFile() throws IOException {
        Path f = dir.resolve("w.raw");
        RawLayout layout = RawLayout.of(10, 8, SampleFormat.UINT8);
        RawWriter.write(Patterns.random(DataType.UINT8, 10, 8, 1, 1), f, layout);
        try (RawRasterSource src = RawReader.open(f, layout)) {
            for (int[] w :
                    new int[][] {
                        {-1, 0, 2, 2}, {9, 0, 2, 1}, {0, 7, 1, 2}, {0, 0, 0, 1}, {0, 0, 11, 8}
                    }) {
                IllegalArgumentException e =
                        assertThrows(
                                IllegalArgumentException.class,
                                () -> src.readBand(0, w[0], w[1], w[2], w[3]));
                assertTrue(e.getMessage().startsWith("w.raw:"), e.getMessage());
            }
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> src.readBand(1, 0, 0, 1, 1));
            assertTrue(e.getMessage().contains("band index 1"), e.getMessage());
        }
    }

    @Test
    void missingFileIsNoSuchFile() {
        assertThrows(
                java.nio.file.NoSuchFileException.class,
                () ->
                        RawReader.open(
                                dir.resolve("nope.raw"), RawLayout.of(2, 2, SampleFormat.UINT8)));
    }

    /**
     * A block read spans many rows; make sure a tall image whose rows exceed one block is exact.
     */
    @Test
    void readsSpanningSeveralBlocks() throws IOException {
        int w = 3000;
        int h = 400; // 3000 * 400 * 4 bytes = 4.8 MB > one 4 MB block
        MultiBandRaster m = Patterns.random(DataType.FLOAT32, w, h, 1, 5);
        RawLayout layout = RawLayout.of(w, h, SampleFormat.FLOAT32);
        Path f = dir.resolve("big.raw");
        RawWriter.write(m, f, layout);
        try (RawRasterSource src = RawReader.open(f, layout)) {
            assertRasterEquals(m.band(0), src.readBand(0, 0, 0, w, h), 0, 0);
            assertRasterEquals(
                    m.band(0).subView(2000, 100, 1000, 300),
                    src.readBand(0, 2000, 100, 1000, 300),
                    0,
                    0);
        }
    }
}
