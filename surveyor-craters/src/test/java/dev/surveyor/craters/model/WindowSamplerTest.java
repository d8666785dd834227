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
}
