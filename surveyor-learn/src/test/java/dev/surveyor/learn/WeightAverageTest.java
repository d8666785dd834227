package dev.surveyor.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

class WeightAverageTest {
    @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp;

    /** A 1x1 convolution 1 -> 2 channels (weight 2 values, bias 2 values), initialised to v. */
    private static Block conv(NDManager m, float v) {
        Block b = NetBlocks.conv(2, 1, 1, true);
        b.setInitializer(new ConstantInitializer(v), Parameter.Type.WEIGHT);
        b.setInitializer(new ConstantInitializer(v), Parameter.Type.BIAS);
        b.initialize(m, DataType.FLOAT32, new Shape(1, 1, 2, 2));
        return b;
    }

    private static void setAll(Block b, float v) {
        for (Pair<String, Parameter> p : b.getParameters()) {
            NDArray w = p.getValue().getArray();
            float[] f = new float[(int) w.size()];
            java.util.Arrays.fill(f, v);
            w.set(f);
        }
    }

    private static float[] values(Block b) {
        float[] out = new float[0];
        for (Pair<String, Parameter> p : b.getParameters()) {
            float[] f = p.getValue().getArray().toFloatArray();
            float[] n = java.util.Arrays.copyOf(out, out.length + f.length);
            System.arraycopy(f, 0, n, out.length, f.length);
            out = n;
        }
        return out;
    }

    @Test
    void averagesStepsByTheDecayAndRestoresTheTrainedValues() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Block b = conv(m, 1f);
            try (WeightAverage avg = new WeightAverage(b, 0.5)) {
                setAll(b, 3f);
                avg.update(b); // 0.5 * 1 + 0.5 * 3 = 2
                setAll(b, 6f);
                avg.update(b); // 0.5 * 2 + 0.5 * 6 = 4
                float[] inside = avg.withAverage(b, () -> values(b));
                assertEquals(4, inside.length);
                for (float v : inside) {
                    assertEquals(4f, v, 1e-6f);
                }
                // the trained values are back
                assertArrayEquals(new float[] {6, 6, 6, 6}, values(b), 0f);
                // saved, changed and loaded back (resume)
                java.nio.file.Path file = tmp.resolve("avg.ndlist");
                avg.save(file);
                avg.update(b);
                assertEquals(2, avg.load(file)); // weight and bias
                for (float v : avg.withAverage(b, () -> values(b))) {
                    assertEquals(4f, v, 0f);
                }
            }
        }
    }

    @Test
    void zeroDecayFollowsTheWeightsAndBadDecayIsRefused() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Block b = conv(m, 1f);
            try (WeightAverage avg = new WeightAverage(b, 0)) {
                setAll(b, -2.5f);
                avg.update(b);
                assertArrayEquals(values(b), avg.withAverage(b, () -> values(b)), 0f);
            }
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> new WeightAverage(b, 1.0));
            assertEquals("weight-average decay 1.0 not in [0, 1)", e.getMessage());
        }
    }
}
