package dev.surveyor.craters.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.craters.Crater;
import dev.surveyor.learn.LearnEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlipTestTest {
    /**
     * A fixed "network" at stride 4: heatmap logit = 10 * (mean of each 4x4 block - 0.5), offsets
     * 0.5, width = height = the output column index (not mirror-symmetric, to see the averaging).
     */
    private static Block fake() {
        return fake(false);
    }

    /** As {@link #fake()}; with {@code rowHeight} the height output is the row index instead. */
    private static Block fake(boolean rowHeight) {
        return new LambdaBlock(
                l -> {
                    NDArray x = l.singletonOrThrow();
                    NDArray pooled = FakeNetworks.stride4Means(x);
                    Shape s = pooled.getShape();
                    NDArray hm = pooled.sub(0.5f).mul(10f);
                    NDArray half = pooled.zerosLike().add(0.5f);
                    NDArray col =
                            pooled.getManager()
                                    .arange(0f, (float) s.get(3))
                                    .reshape(1, 1, 1, s.get(3))
                                    .broadcast(s);
                    NDArray row =
                            pooled.getManager()
                                    .arange(0f, (float) s.get(2))
                                    .reshape(1, 1, s.get(2), 1)
                                    .broadcast(s);
                    return new NDList(
                            NDArrays.concat(
                                    new NDList(hm, half, half, col, rowHeight ? row : col), 1));
                });
    }

    /** An n x n image, zero but for three bright 4x4 blocks on the stride-4 grid. */
    private static ImageWindows threeBlocks(int n) {
        float[] im = new float[n * n];
        List<int[]> blocks = List.of(new int[] {2, 3}, new int[] {10, 20}, new int[] {25, 7});
        for (int[] b : blocks) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    im[(b[1] * 4 + y) * n + b[0] * 4 + x] = 1f;
                }
            }
        }
        return ImageWindows.of(new GrayImage(im, n, n));
    }

    @Test
    void flipTestAveragesTheMirroredPass() throws Exception {
        LearnEngine.start(1);
        int n = 128;
        ImageWindows img = threeBlocks(n);
        Block net = fake();
        try (NDManager m = NDManager.newBaseManager()) {
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, n, n));
            List<Crater> plain =
                    new TiledInference(net, m, 4, 0, 1, n, 32, 1)
                            .detect(img, 0.5, ProgressListener.NONE);
            List<Crater> flipped =
                    new TiledInference(net, m, 4, 0, 1, n, 32, 1)
                            .withAugmentation(TestTimeAugmentation.FLIP)
                            .detect(img, 0.5, ProgressListener.NONE);
            assertEquals(3, plain.size());
            assertEquals(3, flipped.size());
            // the heatmap is mirror-equivariant: same centres and scores; plain sizes = column
            // index * 4 px, flip-test sizes = the mean of column j and 31 - j = 15.5 cells = 62 px
            List<Crater> expectPlain = new ArrayList<>();
            List<Crater> expectFlip = new ArrayList<>();
            for (Crater c : plain) {
                int col = (int) Math.floor(c.xPx() / 4);
                assertEquals(4.0 * col, c.diameterPx(), 1e-5);
                expectFlip.add(new Crater(c.xPx(), c.yPx(), 62, c.score()));
                expectPlain.add(c);
            }
            assertEquals(expectPlain.size(), flipped.size());
            for (int i = 0; i < flipped.size(); i++) {
                Crater f = flipped.get(i);
                Crater e = expectFlip.get(i);
                assertEquals(e.xPx(), f.xPx(), 1e-9);
                assertEquals(e.yPx(), f.yPx(), 1e-9);
                assertEquals(e.score(), f.score(), 1e-6);
                assertEquals(62, f.diameterPx(), 1e-4);
            }
        }
    }

    @Test
    void d4AveragesAllEightTransformsWithSizesSwappedBackAfterATranspose() throws Exception {
        LearnEngine.start(1);
        int n = 128;
        ImageWindows img = threeBlocks(n);
        Block net = fake(true);
        try (NDManager m = NDManager.newBaseManager()) {
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, n, n));
            List<Crater> plain =
                    new TiledInference(net, m, 4, 0, 1, n, 32, 1)
                            .detect(img, 0.5, ProgressListener.NONE);
            List<Crater> d4 =
                    new TiledInference(net, m, 4, 0, 1, n, 32, 1)
                            .withAugmentation(TestTimeAugmentation.D4)
                            .detect(img, 0.5, ProgressListener.NONE);
            assertEquals(3, plain.size());
            assertEquals(3, d4.size());
            for (int i = 0; i < 3; i++) {
                Crater p = plain.get(i);
                Crater d = d4.get(i);
                // plain: width = column index, height = row index (cells of 4 px)
                int col = (int) Math.floor(p.xPx() / 4);
                int row = (int) Math.floor(p.yPx() / 4);
                assertEquals(4.0 * (col + row) / 2, p.diameterPx(), 1e-5);
                // the heatmap is D4-equivariant: same centres and scores
                assertEquals(p.xPx(), d.xPx(), 1e-9);
                assertEquals(p.yPx(), d.yPx(), 1e-9);
                assertEquals(p.score(), d.score(), 1e-6);
                // each of width and height averages to (31 / 2) cells over the 8 transforms only
                // when a transposed pass's width and height are swapped back
                assertEquals(62, d.diameterPx(), 1e-4);
            }
        }
        assertEquals(8, TestTimeAugmentation.D4.passes());
        assertEquals(TestTimeAugmentation.D4, TestTimeAugmentation.parse(" D4 "));
        assertThrows(IllegalArgumentException.class, () -> TestTimeAugmentation.parse("d8"));
        // model.json: the new key wins; models written before it keep their flip test
        var om = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(
                TestTimeAugmentation.D4,
                TestTimeAugmentation.fromModelJson(
                        om.readTree("{\"flipTest\": true, \"testTimeAugmentation\": \"d4\"}")));
        assertEquals(
                TestTimeAugmentation.FLIP,
                TestTimeAugmentation.fromModelJson(om.readTree("{\"flipTest\": true}")));
        assertEquals(
                TestTimeAugmentation.NONE, TestTimeAugmentation.fromModelJson(om.readTree("{}")));
    }
}
