package dev.surveyor.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelSoupTest {
    /** A residual block 3 -> 4 channels: convolutions and batch norms (with running statistics). */
    private static Block net(NDManager m) {
        Block b = NetBlocks.residual(3, 4, 1);
        b.initialize(m, DataType.FLOAT32, new Shape(1, 3, 8, 8));
        return b;
    }

    private static List<float[]> values(Block b) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : b.getParameters()) {
            out.add(p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    private static void randomise(Block b, Random r) {
        for (Pair<String, Parameter> p : b.getParameters()) {
            NDArray w = p.getValue().getArray();
            float[] f = new float[(int) w.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) (1 + r.nextGaussian()); // > 0 mostly, like variances
            }
            w.set(f);
        }
    }

    @Test
    void everyParameterIsTheMeanOfTheMembersBatchNormStatisticsIncluded() {
        try (NDManager m = NDManager.newBaseManager()) {
            Random r = new Random(5);
            List<Block> members = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Block b = net(m);
                randomise(b, r);
                members.add(b);
            }
            assertTrue(
                    members.get(0).getParameters().keys().stream()
                            .anyMatch(k -> k.contains("runningMean")),
                    "the block has batch-norm running statistics");
            List<List<float[]>> v = members.stream().map(ModelSoupTest::values).toList();
            Block soup = net(m);
            ModelSoup.averageInto(soup, members);
            List<float[]> s = values(soup);
            for (int p = 0; p < s.size(); p++) {
                float[] expected = new float[s.get(p).length];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] =
                            (v.get(0).get(p)[i] + v.get(1).get(p)[i] + v.get(2).get(p)[i]) / 3;
                }
                assertArrayEquals(expected, s.get(p), 1e-6f);
            }
            // the members are unchanged, and a member may receive the soup
            assertArrayEquals(v.get(1).get(0), values(members.get(1)).get(0), 0f);
            ModelSoup.averageInto(members.get(0), members);
            assertArrayEquals(s.get(0), values(members.get(0)).get(0), 1e-6f);
            // a soup of one is that model
            Block one = net(m);
            ModelSoup.averageInto(one, List.of(members.get(2)));
            assertArrayEquals(v.get(2).get(3), values(one).get(3), 0f);
        }
    }

    @Test
    void membersOfAnotherShapeAreRefusedNamingTheParameter() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block wide = NetBlocks.residual(3, 6, 1);
            wide.initialize(m, DataType.FLOAT32, new Shape(1, 3, 8, 8));
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> ModelSoup.averageInto(net(m), List.of(net(m), wide)));
            assertTrue(e.getMessage().startsWith("member 1: parameter "), e.getMessage());
            assertTrue(e.getMessage().contains("does not match"), e.getMessage());
            assertEquals(
                    "a model soup needs at least one member",
                    assertThrows(
                                    IllegalArgumentException.class,
                                    () -> ModelSoup.averageInto(net(m), List.of()))
                            .getMessage());
        }
    }
}
