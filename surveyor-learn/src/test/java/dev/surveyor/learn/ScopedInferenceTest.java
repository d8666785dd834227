package dev.surveyor.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopedInferenceTest {
    /** A small net with nested sequential and parallel blocks, identity branches and a concat. */
    private static Block net() {
        Block inner =
                new SequentialBlock()
                        .add(NetBlocks.residual(8, 12, 2))
                        .add(NetBlocks.residual(12, 12, 1))
                        .add(NetBlocks.upsampleConv(8));
        return new SequentialBlock()
                .add(NetBlocks.convBnRelu(8, 3, 1))
                .add(NetBlocks.skipAdd(inner))
                .add(
                        new ParallelBlock(
                                NetBlocks::concatChannels,
                                List.of(
                                        NetBlocks.conv(1, 1, 1, true),
                                        NetBlocks.pixelShuffleUp(2, 1))));
    }

    private static NDArray input(NDManager m) {
        float[] v = new float[2 * 3 * 16 * 16];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(0.37 * i);
        }
        return m.create(v, new Shape(2, 3, 16, 16));
    }

    @Test
    void sameOutputAsPlainForwardAndOnlyTheOutputSurvives() {
        LearnEngine.start(1);
        assertTrue(ScopedInference.descendsIntoParallelBlocks());
        try (NDManager root = NDManager.newBaseManager()) {
            Block b = net();
            b.initialize(root, DataType.FLOAT32, new Shape(1, 3, 16, 16));
            float[] plain;
            int plainLive;
            try (NDManager m = root.newSubManager()) {
                NDArray x = input(m);
                boolean grad = JniUtils.isGradMode();
                JniUtils.setGradMode(false);
                plain =
                        b.forward(new ParameterStore(m, false), new NDList(x), false)
                                .singletonOrThrow()
                                .toFloatArray();
                JniUtils.setGradMode(grad);
                plainLive = m.getManagedArrays().size();
            }
            try (NDManager m = root.newSubManager()) {
                NDArray x = input(m);
                NDArray y = ScopedInference.predict(b, x).singletonOrThrow();
                assertEquals(new Shape(2, 3, 16, 16), y.getShape());
                assertArrayEquals(plain, y.toFloatArray(), 0f);
                // input and output only; the plain pass keeps every intermediate
                assertEquals(2, m.getManagedArrays().size());
                assertTrue(plainLive > 20, "plain pass kept " + plainLive);
                assertTrue(x.getManager() == m && !x.isReleased(), "input still usable");
                assertArrayEquals(input(m).toFloatArray(), x.toFloatArray(), 0f);
            }
        }
    }

    @Test
    void trainingForwardIsThePlainForward() {
        LearnEngine.start(1);
        try (NDManager root = NDManager.newBaseManager()) {
            Block b = net();
            b.initialize(root, DataType.FLOAT32, new Shape(1, 3, 16, 16));
            try (NDManager m = root.newSubManager()) {
                NDArray x = input(m);
                ParameterStore ps = new ParameterStore(m, false);
                float[] plain =
                        b.forward(ps, new NDList(x), true).singletonOrThrow().toFloatArray();
                float[] viaScoped =
                        ScopedInference.forward(b, ps, new NDList(x), true)
                                .singletonOrThrow()
                                .toFloatArray();
                // batch norm in training mode normalises by batch statistics: deterministic
                assertArrayEquals(plain, viaScoped, 1e-6f);
            }
        }
    }
}
