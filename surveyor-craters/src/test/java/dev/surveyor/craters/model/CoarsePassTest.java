package dev.surveyor.craters.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.craters.Crater;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoarsePassTest {
    @TempDir Path tmp;

    @Test
    void blockMeansWithPartialBlocksAndNaN() throws Exception {
        // 5 x 3 image, values = 10 * row + column; one NaN
        float[] d = new float[15];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 5; x++) {
                d[y * 5 + x] = 10 * y + x;
            }
        }
        d[1 * 5 + 1] = Float.NaN;
        DownsampledWindows r = new DownsampledWindows(ImageWindows.of(new GrayImage(d, 5, 3)), 2);
        assertEquals(3, r.width());
        assertEquals(2, r.height());
        float[] out = new float[6];
        r.read(0, 0, 3, 2, out);
        // block (0,0): 0, 1, 10 (NaN skipped) -> 11/3; (1,0): 2, 3, 12, 13 -> 7.5; (2,0): 4, 14 ->
        // 9; (0,1): 20, 21 -> 20.5; (1,1): 22, 23 -> 22.5; (2,1): 24
        assertArrayEquals(new float[] {11f / 3, 7.5f, 9f, 20.5f, 22.5f, 24f}, out, 1e-5f);
        float[] one = new float[2];
        r.read(1, 1, 2, 1, one);
        assertArrayEquals(new float[] {22.5f, 24f}, one, 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> r.read(2, 0, 2, 1, one));
        // a large reduction agrees with a direct block mean (strips of several block rows)
        int n = 2100, f = 3; // 4 M samples per strip = 665 reduced rows: two strips
        float[] big = new float[n * n];
        Random rnd = new Random(5);
        for (int i = 0; i < big.length; i++) {
            big[i] = rnd.nextFloat();
        }
        DownsampledWindows rb =
                new DownsampledWindows(ImageWindows.of(new GrayImage(big, n, n)), f);
        assertEquals(700, rb.width());
        float[] all = new float[700 * 700];
        rb.read(0, 0, 700, 700, all);
        for (int j : new int[] {0, 100, 664, 665, 699}) {
            for (int i : new int[] {0, 57, 699}) {
                double s = 0;
                int c = 0;
                for (int y = j * f; y < Math.min(n, j * f + f); y++) {
                    for (int x = i * f; x < Math.min(n, i * f + f); x++) {
                        s += big[y * n + x];
                        c++;
                    }
                }
                assertEquals(s / c, all[j * 700 + i], 1e-5);
            }
        }
        // all-NaN block -> NaN
        float[] nan = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        float[] o = new float[1];
        new DownsampledWindows(ImageWindows.of(new GrayImage(nan, 2, 2)), 2).read(0, 0, 1, 1, o);
        assertTrue(Float.isNaN(o[0]));
    }

    @Test
    void mergeKeepsFineCratersAndAddsOnlyNewCoarseOnes() {
        List<Crater> fine = List.of(new Crater(100, 100, 10, 0.9), new Crater(300, 300, 90, 0.6));
        List<Crater> coarse =
                List.of(
                        new Crater(305, 300, 96, 0.8), // same crater as the fine 90 px one
                        new Crater(600, 600, 200, 0.7)); // only the coarse pass saw it
        List<Crater> m = CenterNetDetector.mergeCoarse(fine, coarse);
        assertEquals(
                List.of(
                        new Crater(100, 100, 10, 0.9),
                        new Crater(600, 600, 200, 0.7),
                        new Crater(300, 300, 90, 0.6)),
                m);
        assertEquals(fine, CenterNetDetector.mergeCoarse(fine, List.of()));
    }

    /**
     * A crater bigger than the detection window: a synthetic 64 x 64 scene with a 14 px crater,
     * enlarged 8 times by pixel replication (a 112 px crater in a 512 x 512 image), detected with
     * 64 px windows. The fine pass cannot see it whole; the coarse pass (factor 8) reduces the
     * image back to the scene and finds it.
     */
    @Test
    void coarsePassFindsACraterLargerThanTheWindow() throws Exception {
        int s = 64, f = 8;
        float[] small = new float[s * s];
        Random rnd = new Random(3);
        for (int i = 0; i < small.length; i++) {
            small[i] = (float) (120 + 4 * rnd.nextGaussian());
        }
        Crater c = Crater.truth(32, 32, 14);
        SyntheticCraters.draw(small, s, c);
        LabelledImage scene = new LabelledImage("big", new GrayImage(small, s, s), List.of(c));
        List<LabelledImage> train = new ArrayList<>();
        train.add(scene);
        for (int i = 0; i < 3; i++) {
            train.add(SyntheticCraters.scene(64, 5, 10, 20, 200 + i));
        }
        ConfigCraterTraining cfg = new ConfigCraterTraining();
        cfg.network = CenterNetModelTest.tinyResnet(2);
        cfg.augmentation.windowPx = 64;
        cfg.augmentation.scaleJitter = 1.0;
        cfg.augmentation.flipsAndRotations = false;
        cfg.augmentation.contrastJitter = 0;
        cfg.augmentation.brightnessJitter = 0;
        cfg.batchSize = 4;
        cfg.batchesPerEpoch = 40;
        cfg.training.epochs = 4;
        cfg.training.learningRate = 5e-3;
        cfg.training.threads = 1;
        cfg.validation = List.of();
        Path out = tmp.resolve("m");
        CraterTraining.train(train, "synthetic", cfg, out, null, ProgressListener.NONE, e -> {});

        int n = s * f;
        float[] big = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                big[y * n + x] = small[(y / f) * s + x / f];
            }
        }
        ImageWindows image = ImageWindows.of(new GrayImage(big, n, n));
        Crater bigTruth = Crater.truth(32 * f, 32 * f, 14 * f);
        try (CenterNetDetector det = CenterNetDetector.load(out, 1)) {
            det.windows(64, 16);
            List<Crater> fineOnly = det.detect(image, 0.2, ProgressListener.NONE);
            assertTrue(
                    fineOnly.stream().noneMatch(k -> k.boxIou(bigTruth) >= 0.5),
                    "the fine pass cannot see a crater larger than its window: " + fineOnly);
            det.coarsePass(f, 60);
            List<Crater> both = det.detect(image, 0.2, ProgressListener.NONE);
            List<Crater> found = both.stream().filter(k -> k.boxIou(bigTruth) >= 0.5).toList();
            assertEquals(1, found.size(), "coarse pass: " + both);
            assertEquals(1.0, found.get(0).diameterPx() / bigTruth.diameterPx(), 0.2);
            assertTrue(both.containsAll(fineOnly), "fine craters are kept");
            assertTrue(
                    both.stream()
                            .filter(k -> !fineOnly.contains(k))
                            .allMatch(k -> k.diameterPx() >= 60),
                    "only large coarse craters are added");
        }
    }
}
