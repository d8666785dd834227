package dev.surveyor.height.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.surveyor.learn.LearnEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MrfedShapesTest {
    @Test
    void featureSizesMatchPaperTable1For512Input() {
        ConfigHeightNet c = new ConfigHeightNet();
        c.inputBands = 3;
        c.widthMultiplier = 1.0;
        MrfedNet net = new MrfedNet(c);
        Map<String, Shape> expected = new LinkedHashMap<>();
        expected.put("#1", new Shape(1, 64, 256, 256));
        expected.put("#2", new Shape(1, 128, 128, 128));
        expected.put("#3", new Shape(1, 256, 64, 64));
        expected.put("#4", new Shape(1, 512, 32, 32));
        expected.put("#5", new Shape(1, 1024, 16, 16));
        expected.put("#6", new Shape(1, 512 * 2, 32, 32));
        expected.put("#7", new Shape(1, 256 * 2, 64, 64));
        expected.put("#8", new Shape(1, 128 * 2, 128, 128));
        expected.put("#9", new Shape(1, 64 * 2, 256, 256));
        expected.put("out", new Shape(1, 1, 512, 512));
        assertEquals(expected, net.stageShapes(new Shape(1, 3, 512, 512)));
    }

    @Test
    void tinyNetworksRunAndKeepTheInputSize() {
        LearnEngine.start(1);
        for (Architecture a : Architecture.values()) {
            ConfigHeightNet c = new ConfigHeightNet();
            c.architecture = a;
            c.inputBands = 4;
            c.widthMultiplier = 1.0 / 16;
            c.resnetStageBlocks = new int[] {1, 1, 1, 1};
            Block b = FactoryHeightNet.create(c);
            try (NDManager m = NDManager.newBaseManager("PyTorch")) {
                Shape in = new Shape(2, 4, 64, 96);
                b.initialize(m, DataType.FLOAT32, in);
                NDArray x = m.randomNormal(in);
                NDArray y =
                        b.forward(new ParameterStore(m, false), new NDList(x), false)
                                .singletonOrThrow();
                assertEquals(new Shape(2, 1, 64, 96), y.getShape(), a.name());
                assertEquals(
                        new Shape(2, 1, 64, 96), b.getOutputShapes(new Shape[] {in})[0], a.name());
            }
        }
    }

    @Test
    void encodeBlockHalvesAndDecodeBlockDoublesTheSize() {
        MultiScaleResidualBlock down =
                new MultiScaleResidualBlock(3, 8, MultiScaleResidualBlock.Resample.DOWN);
        MultiScaleResidualBlock keep =
                new MultiScaleResidualBlock(8, 8, MultiScaleResidualBlock.Resample.KEEP);
        MultiScaleResidualBlock up =
                new MultiScaleResidualBlock(8, 4, MultiScaleResidualBlock.Resample.UP);
        Shape in = new Shape(1, 3, 32, 32);
        assertEquals(new Shape(1, 8, 16, 16), down.getOutputShapes(new Shape[] {in})[0]);
        assertEquals(
                new Shape(1, 8, 16, 16),
                keep.getOutputShapes(new Shape[] {new Shape(1, 8, 16, 16)})[0]);
        assertEquals(
                new Shape(1, 4, 32, 32),
                up.getOutputShapes(new Shape[] {new Shape(1, 8, 16, 16)})[0]);
    }
}
