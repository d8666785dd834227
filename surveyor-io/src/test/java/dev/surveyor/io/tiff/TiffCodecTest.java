package dev.surveyor.io.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The block codecs on their own: LZW, PackBits and the predictors round-trip exactly. */
class TiffCodecTest {
    static byte[] sample(int n, long seed) {
        Random rnd = new Random(seed);
        byte[] b = new byte[n];
        int i = 0;
        while (i < n) {
            int kind = rnd.nextInt(3);
            int len = Math.min(n - i, 1 + rnd.nextInt(kind == 0 ? 600 : 50));
            for (int k = 0; k < len; k++, i++) {
                b[i] =
                        switch (kind) {
                            case 0 -> (byte) 7; // long runs
                            case 1 -> (byte) rnd.nextInt(256); // noise
                            default -> (byte) (k % 5); // short repeats
                        };
            }
        }
        return b;
    }

    @Test
    void lzwRoundTripsThroughManyTableResets() {
        for (int n : new int[] {0, 1, 2, 300, 70_000, 1_000_003}) {
            byte[] src = sample(n, n);
            byte[] enc = Lzw.encode(src, 0, n);
            byte[] dst = new byte[n];
            assertEquals(n, Lzw.decode(enc, 0, enc.length, dst));
            assertArrayEquals(src, dst, "n=" + n);
        }
    }

    @Test
    void lzwRejectsCodesBeyondTheTable() {
        byte[] junk = {(byte) 0x80, 0x00, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> Lzw.decode(junk, 0, junk.length, new byte[100]));
        assertTrue(e.getMessage().contains("LZW"), e.getMessage());
    }

    @Test
    void packBitsRoundTripsAndStopsAtTheOutputSize() {
        byte[] src = sample(50_000, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackBits.encode(src, 0, src.length, out);
        byte[] enc = out.toByteArray();
        byte[] dst = new byte[src.length];
        assertEquals(src.length, PackBits.decode(enc, 0, enc.length, dst));
        assertArrayEquals(src, dst);
        byte[] small = new byte[10];
        assertEquals(10, PackBits.decode(enc, 0, enc.length, small));
        // a literal run that claims more bytes than there are
        assertThrows(
                IllegalStateException.class,
                () -> PackBits.decode(new byte[] {100, 1, 2}, 0, 3, new byte[200]));
    }

    @Test
    void predictorsInvertForEveryWordSizeAndOrder() {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            for (int ws : new int[] {1, 2, 4, 8}) {
                for (int stride : new int[] {1, 3}) {
                    int rows = 5;
                    int rowWords = 7 * stride;
                    byte[] src = sample(rows * rowWords * ws, ws * 10 + stride);
                    for (int pred : new int[] {2, 3}) {
                        byte[] b = src.clone();
                        Predictors.encode(pred, b, rows, rowWords, stride, ws, order);
                        Predictors.decode(pred, b, rows, rowWords, stride, ws, order);
                        assertArrayEquals(src, b, "pred " + pred + " ws " + ws + " " + order);
                    }
                }
            }
        }
    }
}
