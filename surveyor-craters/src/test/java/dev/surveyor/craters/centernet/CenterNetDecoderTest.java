package dev.surveyor.craters.centernet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.craters.Crater;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CenterNetDecoderTest {
    @Test
    void peaksThresholdOffsetAndSize() {
        int w = 5, h = 4, n = w * h;
        float[] hm = new float[n];
        float[] off = new float[2 * n];
        float[] sz = new float[2 * n];
        hm[1 * w + 1] = 0.9f;
        hm[1 * w + 2] = 0.5f; // neighbour of a higher peak: suppressed
        hm[3 * w + 4] = 0.4f; // isolated, corner
        hm[0 * w + 4] = 0.2f; // below threshold
        off[1 * w + 1] = 0.25f;
        off[n + 1 * w + 1] = 0.75f;
        sz[1 * w + 1] = 3f;
        sz[n + 1 * w + 1] = 5f;
        sz[3 * w + 4] = 2f;
        sz[n + 3 * w + 4] = 2f;
        List<Crater> c = new CenterNetDecoder(4).decode(hm, off, sz, w, h, 0.3);
        assertEquals(2, c.size());
        assertEquals(new Crater(5.0, 7.0, 16.0, 0.9f), c.get(0));
        assertEquals(16.0, c.get(1).xPx(), 1e-9);
        assertEquals(12.0, c.get(1).yPx(), 1e-9);
        assertEquals(8.0, c.get(1).diameterPx(), 1e-9);
    }

    @Test
    void noTopKCapOnDenseMaps() {
        int w = 100, h = 100, n = w * h;
        float[] hm = new float[n];
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                hm[y * w + x] = 0.6f;
            }
        }
        List<Crater> c =
                new CenterNetDecoder(1).decode(hm, new float[2 * n], filled(2 * n, 1f), w, h, 0.5);
        assertEquals(2500, c.size());
    }

    @Test
    void decodeOfEncodeReturnsTheCraters() {
        Random rnd = new Random(3);
        for (int stride : new int[] {1, 2, 4}) {
            List<Crater> truth = new ArrayList<>();
            int out = 64;
            // one crater per 4x4 block of cells so no two share a cell or a 3x3 neighbourhood peak
            for (int by = 0; by < out / 4; by++) {
                for (int bx = 0; bx < out / 4; bx++) {
                    double cx = (bx * 4 + 1 + rnd.nextDouble()) * stride;
                    double cy = (by * 4 + 1 + rnd.nextDouble()) * stride;
                    truth.add(Crater.truth(cx, cy, 2 + rnd.nextDouble() * 3 * stride));
                }
            }
            CenterNetTargets.Maps m = new CenterNetTargets(stride).encode(truth, out, out);
            List<Crater> dec =
                    new CenterNetDecoder(stride)
                            .decode(m.heatmap(), m.offset(), m.size(), out, out, 0.99);
            assertEquals(truth.size(), dec.size());
            Comparator<Crater> order =
                    Comparator.comparingDouble(Crater::yPx).thenComparingDouble(Crater::xPx);
            List<Crater> a = new ArrayList<>(truth);
            List<Crater> b = new ArrayList<>(dec);
            a.sort(order);
            b.sort(order);
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).xPx(), b.get(i).xPx(), 1e-4 * stride);
                assertEquals(a.get(i).yPx(), b.get(i).yPx(), 1e-4 * stride);
                assertEquals(a.get(i).diameterPx(), b.get(i).diameterPx(), 1e-4 * stride);
                assertTrue(b.get(i).score() == 1.0);
            }
        }
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
