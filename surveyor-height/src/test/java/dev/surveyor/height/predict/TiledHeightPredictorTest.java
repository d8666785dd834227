package dev.surveyor.height.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.height.data.BandNormalization;
import dev.surveyor.height.data.Dihedral;
import dev.surveyor.height.data.DihedralSet;
import dev.surveyor.height.data.ImageHeightPair;
import dev.surveyor.height.nn.ConfigHeightNet;
import dev.surveyor.height.synth.ConfigSyntheticScene;
import dev.surveyor.height.synth.SyntheticSceneGenerator;
import dev.surveyor.learn.LearnEngine;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TiledHeightPredictorTest {
    static MultiBandRaster raster(ImageHeightPair p) {
        RasterF32[] b = new RasterF32[p.numBands()];
        for (int i = 0; i < b.length; i++) {
            b[i] = new RasterF32(p.bands()[i].clone(), p.width(), p.height(), 0, p.width());
        }
        return MultiBandRaster.of(b);
    }

    @Test
    void tiledSceneMatchesOneWindowWithoutSeams() throws Exception {
        LearnEngine.start(1);
        // random weights, drawn from a fixed state whatever ran before
        LearnEngine.seed(11);
        ConfigSyntheticScene sc = new ConfigSyntheticScene();
        sc.widthPx = 200;
        sc.heightPx = 160;
        sc.seed = 4;
        ImageHeightPair scene = SyntheticSceneGenerator.create(sc).generate().toPair("s");
        ConfigHeightNet net = new ConfigHeightNet();
        net.inputBands = 4;
        net.widthMultiplier = 1.0 / 16;
        net.sizePreservingBlocks = 0;
        BandNormalization norm = BandNormalization.fit(List.of(scene));
        try (HeightModel model = HeightModel.create(net, norm, 10)) {
            float[] one = model.predictWindow(scene.bands(), 200, 160);
            ConfigTiledPrediction tc = new ConfigTiledPrediction();
            tc.tileSizePx = 96;
            tc.overlapPx = 32;
            RasterF32 tiled =
                    TiledHeightPredictor.create(tc)
                            .predict(model, raster(scene), OptionalDouble.empty());
            double mean = 0;
            for (float v : one) {
                mean += v;
            }
            mean /= one.length;
            double var = 0;
            double sumAbs = 0;
            double maxInner = 0;
            for (int y = 0; y < 160; y++) {
                for (int x = 0; x < 200; x++) {
                    float a = one[y * 200 + x];
                    float b = tiled.get(x, y);
                    var += (a - mean) * (a - mean);
                    sumAbs += Math.abs(a - b);
                    boolean inner = x >= 32 && y >= 32 && x < 200 - 32 && y < 160 - 32;
                    if (inner && Math.abs(a - b) > maxInner) {
                        maxInner = Math.abs(a - b);
                    }
                }
            }

            double std = Math.sqrt(var / one.length);
            double meanAbs = sumAbs / one.length;
            // seams would show as jumps between neighbouring pixels larger than the network makes
            double jumpTiled = 0;
            double jumpOne = 0;
            for (int y = 0; y < 160; y++) {
                for (int x = 0; x + 1 < 200; x++) {
                    jumpTiled =
                            Math.max(jumpTiled, Math.abs(tiled.get(x + 1, y) - tiled.get(x, y)));
                    jumpOne = Math.max(jumpOne, Math.abs(one[y * 200 + x + 1] - one[y * 200 + x]));
                }
            }
            for (int y = 0; y + 1 < 160; y++) {
                for (int x = 0; x < 200; x++) {
                    jumpTiled =
                            Math.max(jumpTiled, Math.abs(tiled.get(x, y + 1) - tiled.get(x, y)));
                    jumpOne =
                            Math.max(jumpOne, Math.abs(one[(y + 1) * 200 + x] - one[y * 200 + x]));
                }
            }
            assertTrue(std > 0, "prediction varies");
            // context differs near window edges (a CNN sees zero padding there), so the two agree
            // closely on average, and the blend leaves no jump larger than the network's own
            assertTrue(
                    meanAbs < 0.05 * std,
                    "mean |tiled - one window| " + meanAbs + " vs std " + std);
            assertTrue(
                    maxInner < 1.0 * std,
                    "max inner |tiled - one window| " + maxInner + " vs std " + std);
            assertTrue(
                    jumpTiled <= 1.05 * jumpOne,
                    "largest neighbour jump tiled " + jumpTiled + " vs one window " + jumpOne);
        }
    }

    /** A tiny random-weight one-band MRFED with identity normalisation. */
    private static HeightModel tinyRandomModel() {
        LearnEngine.start(1);
        ConfigHeightNet net = new ConfigHeightNet();
        net.inputBands = 1;
        net.widthMultiplier = 1.0 / 16;
        net.sizePreservingBlocks = 0;
        return HeightModel.create(
                net, new BandNormalization(new double[] {0}, new double[] {1}), 10);
    }

    @Test
    void flipRowsTestTimeAugmentationIsFlipRowsEquivariantAndAveragesTwoPasses() {
        int w = 64;
        int h = 32;
        float[] a = new float[w * h];
        float[] flipped = new float[w * h];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                a[y * w + x] = (float) r.nextGaussian();
                flipped[(h - 1 - y) * w + x] = a[y * w + x];
            }
        }
        DihedralSet rows = DihedralSet.of(Dihedral.IDENTITY, Dihedral.FLIP_ROWS);
        try (HeightModel model = tinyRandomModel()) {
            float[] p = model.predictWindow(new float[][] {a}, w, h, rows);
            float[] pf = model.predictWindow(new float[][] {flipped}, w, h, rows);
            float[] plain = model.predictWindow(new float[][] {a}, w, h, DihedralSet.NONE);
            float[] plainF = model.predictWindow(new float[][] {flipped}, w, h, DihedralSet.NONE);
            double maxDiff = 0;
            double maxPlainDiff = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    int j = (h - 1 - y) * w + x;
                    maxDiff = Math.max(maxDiff, Math.abs(p[i] - pf[j]));
                    maxPlainDiff = Math.max(maxPlainDiff, Math.abs(plain[i] - plainF[j]));
                    // the mean of the plain pass and the flipped pass flipped back
                    assertEquals((plain[i] + plainF[j]) / 2, p[i], 1e-4, "pixel " + x + "," + y);
                }
            }
            assertTrue(maxDiff < 1e-4, "flip-rows equivariant: " + maxDiff);
            assertTrue(maxPlainDiff > 1e-3, "a random network alone is not: " + maxPlainDiff);
        }
    }

    @Test
    void testTimeAugmentationMakesPredictionsTransposeEquivariant() {
        int w = 64;
        int h = 32;
        float[] a = new float[w * h];
        float[] at = new float[w * h];
        java.util.SplittableRandom r = new java.util.SplittableRandom(2);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                a[y * w + x] = (float) r.nextGaussian();
                at[x * h + y] = a[y * w + x];
            }
        }
        try (HeightModel model = tinyRandomModel()) {
            float[] p = model.predictWindow(new float[][] {a}, w, h, DihedralSet.D4);
            float[] pt = model.predictWindow(new float[][] {at}, h, w, DihedralSet.D4);
            float[] plain = model.predictWindow(new float[][] {a}, w, h, DihedralSet.NONE);
            float[] plainT = model.predictWindow(new float[][] {at}, h, w, DihedralSet.NONE);
            double diffTta = 0;
            double diffPlain = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    diffTta = Math.max(diffTta, Math.abs(p[y * w + x] - pt[x * h + y]));
                    diffPlain = Math.max(diffPlain, Math.abs(plain[y * w + x] - plainT[x * h + y]));
                }
            }
            assertTrue(
                    diffTta < 1e-4,
                    "TTA prediction of the transposed window is the transposed prediction: "
                            + diffTta);
            assertTrue(
                    diffPlain > 1e-3, "without TTA the network is not equivariant: " + diffPlain);
        }
    }

    @Test
    void noDataPixelsStayNoData() throws Exception {
        LearnEngine.start(1);
        ConfigHeightNet net = new ConfigHeightNet();
        net.inputBands = 1;
        net.widthMultiplier = 1.0 / 16;
        net.sizePreservingBlocks = 0;
        RasterF32 img = new RasterF32(70, 40);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 70; x++) {
                img.set(x, y, (x * 7 + y * 3) % 50);
            }
        }
        img.set(10, 5, -9999f);
        try (HeightModel model =
                HeightModel.create(
                        net, new BandNormalization(new double[] {25}, new double[] {14}), 10)) {
            RasterF32 out =
                    TiledHeightPredictor.create(null)
                            .predict(model, MultiBandRaster.of(img), OptionalDouble.of(-9999));
            assertTrue(Float.isNaN(out.get(10, 5)));
            assertTrue(Float.isFinite(out.get(11, 5)));
            assertEquals(70, out.width());
        }
    }
}
