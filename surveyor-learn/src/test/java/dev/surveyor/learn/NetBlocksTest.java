package dev.surveyor.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class NetBlocksTest {
    @Test
    void pixelShuffleMatchesPyTorchOrder() {
        LearnEngine.start(1);
        try (NDManager m = NDManager.newBaseManager()) {
            // (1, 4, 1, 2): channel k holds sub-pixel (k / 2, k % 2)
            NDArray x = m.create(new float[] {0, 1, 10, 11, 20, 21, 30, 31}, new Shape(1, 4, 1, 2));
            NDArray y = NetBlocks.pixelShuffle(x, 2);
            assertEquals(new Shape(1, 1, 2, 4), y.getShape());
            assertArrayEquals(new float[] {0, 10, 1, 11, 20, 30, 21, 31}, y.toFloatArray());
        }
    }

    @Test
    void upsampleNearestRepeatsPixels() {
        LearnEngine.start(1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            NDArray y = NetBlocks.upsampleNearest(x, 2);
            assertArrayEquals(
                    new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, y.toFloatArray());
        }
    }

    @Test
    void residualAndUpsamplingBlocksKeepDocumentedShapes() {
        LearnEngine.start(1);
        try (NDManager m = NDManager.newBaseManager()) {
            Block r = NetBlocks.residual(3, 8, 2);
            r.initialize(m, DataType.FLOAT32, new Shape(1, 3, 16, 16));
            NDArray y =
                    r.forward(
                                    new ParameterStore(m, false),
                                    new NDList(m.ones(new Shape(2, 3, 16, 16))),
                                    false)
                            .get(0);
            assertEquals(new Shape(2, 8, 8, 8), y.getShape());
            assertEquals(0f, y.min().getFloat(), 0f); // ReLU output is non-negative, and some zero
            Block u = NetBlocks.pixelShuffleUp(5, 2);
            u.initialize(m, DataType.FLOAT32, new Shape(1, 8, 8, 8));
            assertEquals(
                    new Shape(1, 5, 16, 16),
                    u.getOutputShapes(new Shape[] {new Shape(1, 8, 8, 8)})[0]);
            Block b = NetBlocks.bottleneck(8, 16, 1);
            b.initialize(m, DataType.FLOAT32, new Shape(1, 8, 8, 8));
            assertEquals(
                    new Shape(1, 16, 8, 8),
                    b.getOutputShapes(new Shape[] {new Shape(1, 8, 8, 8)})[0]);
        }
    }
}
