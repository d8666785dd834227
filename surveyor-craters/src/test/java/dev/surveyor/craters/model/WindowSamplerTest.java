package dev.surveyor.craters.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.craters.Crater;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowSamplerTest {
    private static LabelledImage blockImage() {
        float[] im = new float[64 * 64];
        for (int y = 10; y < 14; y++) {
            for (int x = 20; x < 24; x++) {
                im[y * 64 + x] = 255;
            }
        }
        return new LabelledImage("b", new GrayImage(im, 64, 64), List.of(Crater.truth(22, 12, 4)));
    }

    @Test
    void flipsAndRotationsMoveCratersWithThePixels() {
        ConfigAugmentation c = new ConfigAugmentation();
        c.windowPx = 64;
        c.scaleJitter = 1;
        c.contrastJitter = 0;
        c.brightnessJitter = 0;
        WindowSampler s = new WindowSampler(List.of(blockImage()), c, 0, 255);
        Random rnd = new Random(1);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 40; i++) {
            WindowSampler.Window w = s.next(rnd);
            assertEquals(1, w.craters().size());
            Crater k = w.craters().get(0);
            seen.add(k.xPx() + "," + k.yPx());
            // the 4x4 bright block is centred on the crater: the 4 pixels around the centre are 1
            for (int dy = -2; dy < 2; dy++) {
                for (int dx = -2; dx < 2; dx++) {
                    int x = (int) (k.xPx() + dx), y = (int) (k.yPx() + dy);
                    assertEquals(
                            1f,
                            w.data()[y * 64 + x],
                            1e-6,
                            "pixel " + x + "," + y + " of crater " + k);
                }
            }
            assertEquals(4, k.diameterPx(), 1e-12);
        }
        assertEquals(8, seen.size()); // all 8 symmetries of the square occurred
    }

    @Test
    void scaleJitterScalesDiametersAndKeepsCentresOnTheBlock() {
        ConfigAugmentation c = new ConfigAugmentation();
        c.windowPx = 32;
        c.scaleJitter = 1.5;
        c.flipsAndRotations = false;
        WindowSampler s = new WindowSampler(List.of(blockImage()), c, 0, 255);
        Random rnd = new Random(2);
        int found = 0;
        for (int i = 0; i < 200; i++) {
            WindowSampler.Window w = s.next(rnd);
            for (Crater k : w.craters()) {
                double scale = k.diameterPx() / 4;
                assertTrue(scale >= 1 / 1.5 - 1e-9 && scale <= 1.5 + 1e-9);
                int x = (int) k.xPx(), y = (int) k.yPx();
                // brightness and contrast jitter are within +-0.2 and x0.8..1.2 of the normalised 1
                assertTrue(w.data()[y * 32 + x] > 0.5f, "centre sample " + w.data()[y * 32 + x]);
                found++;
            }
        }
        assertTrue(found > 10);
    }

    @Test
    void largeCraterWindowsContainALargeCrater() {
        // a 400 x 400 image with many small craters and two large ones
        List<Crater> cr = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            cr.add(Crater.truth(8 + 7 * i, 8 + 7 * (i % 9), 6));
        }
        Crater big1 = Crater.truth(60, 300, 40);
        Crater big2 = Crater.truth(390, 395, 30); // near the corner
        cr.add(big1);
        cr.add(big2);
        LabelledImage li =
                new LabelledImage("l", new GrayImage(new float[400 * 400], 400, 400), cr);
        ConfigAugmentation c = new ConfigAugmentation();
        c.windowPx = 64;
        c.flipsAndRotations = false;
        c.scaleJitter = 1.0;
        c.largeCraterFraction = 1.0;
        c.largeCraterMinDiameterPx = 20;
        WindowSampler s = new WindowSampler(List.of(li), c, 0, 1);
        java.util.Random rnd = new java.util.Random(4);
        int[] hits = new int[2];
        for (int k = 0; k < 200; k++) {
            WindowSampler.Window w = s.next(rnd);
            long large = w.craters().stream().filter(q -> q.diameterPx() >= 20).count();
            assertTrue(large >= 1, "window " + k + " has no large crater: " + w.craters());
            for (Crater q : w.craters()) {
                if (q.diameterPx() == 40) hits[0]++;
                if (q.diameterPx() == 30) {
                    hits[1]++;
                    // the corner crater sits near the window's far corner (window inside the
                    // image): its centre is 10 + 5 px from the image's right and bottom edges
                    assertEquals(64 - 10, q.xPx(), 1e-9);
                    assertEquals(64 - 5, q.yPx(), 1e-9);
                }
            }
        }
        // both large craters are drawn, about equally often
        assertTrue(hits[0] > 60 && hits[1] > 60, java.util.Arrays.toString(hits));
        // default: no large-crater windows and the same windows as before the option existed
        ConfigAugmentation d = c.copy();
        d.largeCraterFraction = 0;
        WindowSampler s0 = new WindowSampler(List.of(li), d, 0, 1);
        long withLarge = 0;
        java.util.Random r0 = new java.util.Random(4);
        for (int k = 0; k < 200; k++) {
            withLarge += s0.next(r0).craters().stream().anyMatch(q -> q.diameterPx() >= 20) ? 1 : 0;
        }
        assertTrue(withLarge < 100, "uniform windows rarely hold a large crater: " + withLarge);
    }
}
