package dev.surveyor.craters.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.craters.Crater;
import dev.surveyor.learn.LearnEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-scale testing: scales, window resampling, fusion and their use in tiled inference. */
class MultiScaleTest {
    @Test
    void scalesParseSortAndRefuseBadValues() {
        TestScales s = TestScales.parse(" 2, 0.75,1 ,1.5");
        assertArrayEquals(new double[] {0.75, 1, 1.5, 2}, s.scales());
        assertEquals("0.75,1,1.5,2", s.toString());
        assertEquals(TestScales.parse(s.toString()), s);
        assertEquals(0.5625 + 1 + 2.25 + 4, s.relativeCost(), 1e-12);
        assertTrue(TestScales.parse("1").isSingle());
        assertEquals(
                TestScales.SINGLE, TestScales.fromModelJson(new ObjectMapper().createObjectNode()));
        ObjectNode j = new ObjectMapper().createObjectNode();
        j.set("testScales", s.toJson());
        assertEquals(s, TestScales.fromModelJson(j));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TestScales.parse("1,x"));
        assertTrue(e.getMessage().contains("'1,x'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TestScales.parse("1,8"));
        assertTrue(e.getMessage().contains("8.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TestScales.parse("1,1.0"));
    }

    @Test
    void aBadTestScaleInModelJsonIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        ObjectNode j = new ObjectMapper().createObjectNode();
        j.set("architecture", ConfigCenterNet.hourglassSmall().toJson());
        j.putArray("testScales").add(1).add(9);
        Files.writeString(dir.resolve("model.json"), j.toString());
        RasterFormatException e =
                assertThrows(RasterFormatException.class, () -> CenterNetDetector.load(dir, 1));
        assertTrue(e.getMessage().contains(dir.resolve("model.json").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("got 9.0"), e.getMessage());
    }

    @Test
    void fusionAveragesMatchedCratersAndCountsMissingRunsAsZero() {
        List<Crater> a = List.of(new Crater(10, 10, 8, 0.8), new Crater(100, 100, 20, 0.6));
        List<Crater> b =
                List.of(
                        new Crater(11, 10, 10, 0.4), // same crater as a[0]: IoU 64/100 = 0.64
                        new Crater(10, 60, 8, 0.9), // alone
                        new Crater(110, 100, 20, 0.3)); // IoU 200/600 = 0.33 with a[1]: apart
        List<Crater> f = ScaleFusion.fuse(List.of(a, b));
        assertEquals(4, f.size());
        // descending score: the pair (0.8 + 0.4) / 2 = 0.6; b's lone 0.9 / 2; 0.6 / 2; 0.3 / 2
        assertEquals(new Crater(10, 60, 8, 0.45), f.get(1));
        Crater pair = f.get(0);
        assertEquals(0.6, pair.score(), 1e-12);
        assertEquals((0.8 * 10 + 0.4 * 11) / 1.2, pair.xPx(), 1e-12);
        assertEquals(10, pair.yPx(), 1e-12);
        assertEquals((0.8 * 8 + 0.4 * 10) / 1.2, pair.diameterPx(), 1e-12);
        assertEquals(new Crater(100, 100, 20, 0.3), f.get(2));
        assertEquals(new Crater(110, 100, 20, 0.15), f.get(3));
        // at most one crater per run joins a group: the better overlapping one
        List<Crater> c = List.of(new Crater(10, 10, 8, 0.5));
        List<Crater> d = List.of(new Crater(10.5, 10, 8, 0.2), new Crater(12, 10, 8, 0.3));
        List<Crater> g = ScaleFusion.fuse(List.of(c, d));
        assertEquals(2, g.size());
        assertEquals((0.5 * 10 + 0.2 * 10.5) / 0.7, g.get(0).xPx(), 1e-12);
        assertEquals(0.35, g.get(0).score(), 1e-12);
        assertEquals(new Crater(12, 10, 8, 0.15), g.get(1));
        // one run: unchanged, sorted
        assertEquals(
                List.of(a.get(0), a.get(1)),
                ScaleFusion.fuse(List.of(List.of(a.get(1), a.get(0)))));
    }

    @Test
    void resamplingKeepsConstantsAndRampsAndHalvesByBlockMeans() throws Exception {
        int w = 40, h = 24;
        float[] ramp = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ramp[y * w + x] = 3 + 0.5f * x - 0.25f * y;
            }
        }
        // up by 1.5: output sample (i, j) is centred at input ((i + 0.5) / 1.5 - 0.5, ...): the
        // cubic reproduces the ramp there, away from the repeated edges
        float[] up = WindowResampling.resample(ramp, w, h, 1.5);
        assertEquals(60 * 36, up.length);
        for (int j = 4; j < 36 - 4; j++) {
            for (int i = 4; i < 60 - 4; i++) {
                double x = (i + 0.5) / 1.5 - 0.5, y = (j + 0.5) / 1.5 - 0.5;
                assertEquals(3 + 0.5 * x - 0.25 * y, up[j * 60 + i], 1e-4, i + "," + j);
            }
        }
        // down by 0.75: cells of 4/3 px; every 3 cells cover 4 samples, with mean sample indices
        // (0 + 1/3) / (4/3) = 0.25, (2/3 + 2 * 2/3) / (4/3) = 1.5, (2/3 + 3) / (4/3) = 2.75
        float[] down = WindowResampling.resample(ramp, w, h, 0.75);
        assertEquals(30 * 18, down.length);
        double[] within = {0.25, 1.5, 2.75};
        for (int j = 0; j < 18; j++) {
            for (int i = 0; i < 30; i++) {
                double x = 4 * (i / 3) + within[i % 3], y = 4 * (j / 3) + within[j % 3];
                assertEquals(3 + 0.5 * x - 0.25 * y, down[j * 30 + i], 1e-4, i + "," + j);
            }
        }
        // a constant stays constant at every scale, edges included
        float[] flat = new float[w * h];
        java.util.Arrays.fill(flat, 7f);
        for (double s : new double[] {0.6, 0.75, 1.25, 2, 3.3}) {
            for (float v : WindowResampling.resample(flat, w, h, s)) {
                assertEquals(7f, v, 1e-5f, "scale " + s);
            }
        }
        // s = 1/2 is the 2x2 block mean of the coarse pass
        Random r = new Random(2);
        float[] noise = new float[w * h];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = r.nextFloat();
        }
        float[] half = WindowResampling.resample(noise, w, h, 0.5);
        float[] blocks = new float[20 * 12];
        new DownsampledWindows(ImageWindows.of(new GrayImage(noise, w, h)), 2)
                .read(0, 0, 20, 12, blocks);
        assertArrayEquals(blocks, half, 1e-6f);
        assertThrows(
                IllegalArgumentException.class, () -> WindowResampling.resample(flat, w, h, 0));
    }

    /**
     * A fixed stride-4 "network" without parameters: heatmap logit = 3 x the mean of each 4x4
     * block, offsets 0.5, width = height = 2 + 3 |block mean| cells.
     */
    private static Block fakeNetwork() {
        return new LambdaBlock(
                l -> {
                    NDArray pooled = FakeNetworks.stride4Means(l.singletonOrThrow());
                    NDArray half = pooled.zerosLike().add(0.5f);
                    NDArray size = pooled.abs().mul(3f).add(2f);
                    return new NDList(
                            NDArrays.concat(new NDList(pooled.mul(3f), half, half, size, size), 1));
                });
    }

    /**
     * With one window covering the image, multi-scale inference is exactly: the image at each scale
     * (resampled whole) through a single-scale run at the member floor, mapped back by 1 / s,
     * fused, thresholded.
     */
    @Test
    void multiScaleInferenceIsTheFusionOfSingleScaleRunsOnResampledImages() throws Exception {
        LearnEngine.start(1);
        int n = 128;
        float[] im = new float[n * n];
        Random r = new Random(11);
        for (int i = 0; i < im.length; i++) {
            im[i] = (float) r.nextGaussian();
        }
        Block net = fakeNetwork();
        double[] scales = {0.75, 1, 1.5};
        double threshold = 0.3;
        try (NDManager m = NDManager.newBaseManager()) {
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, n, n));
            List<Crater> multi =
                    new TiledInference(net, m, 4, 0, 1, n, 32, 1)
                            .withScales(TestScales.of(scales), 4)
                            .detect(
                                    ImageWindows.of(new GrayImage(im, n, n)),
                                    threshold,
                                    ProgressListener.NONE);
            List<List<Crater>> runs = new ArrayList<>();
            for (double s : scales) {
                int ns = WindowResampling.outputSize(n, s);
                float[] scaled = WindowResampling.resample(im, n, n, s);
                List<Crater> back = new ArrayList<>();
                for (Crater c :
                        new TiledInference(net, m, 4, 0, 1, ns, 0, 1)
                                .detect(
                                        ImageWindows.of(new GrayImage(scaled, ns, ns)),
                                        TiledInference.SCALE_MEMBER_FLOOR,
                                        ProgressListener.NONE)) {
                    back.add(new Crater(c.xPx() / s, c.yPx() / s, c.diameterPx() / s, c.score()));
                }
                runs.add(back);
            }
            List<Crater> expected = new ArrayList<>();
            for (Crater c : ScaleFusion.fuse(runs)) {
                if (c.score() >= threshold) {
                    expected.add(c);
                }
            }
            assertTrue(expected.size() > 20, "too few craters to compare: " + expected.size());
            Comparator<Crater> order =
                    Comparator.comparingDouble(Crater::score)
                            .reversed()
                            .thenComparingDouble(Crater::xPx)
                            .thenComparingDouble(Crater::yPx);
            expected.sort(order);
            List<Crater> got = new ArrayList<>(multi);
            got.sort(order);
            assertEquals(expected.size(), got.size());
            for (int i = 0; i < got.size(); i++) {
                assertEquals(expected.get(i).xPx(), got.get(i).xPx(), 1e-4);
                assertEquals(expected.get(i).yPx(), got.get(i).yPx(), 1e-4);
                assertEquals(expected.get(i).diameterPx(), got.get(i).diameterPx(), 1e-4);
                assertEquals(expected.get(i).score(), got.get(i).score(), 1e-6);
            }
        }
    }
}
