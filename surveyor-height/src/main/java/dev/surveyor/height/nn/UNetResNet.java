package dev.surveyor.height.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * U-Net with a ResNet-50 encoder, adapted for regression (a 1-channel linear output instead of the
 * sigmoid).
 *
 * <p>Encoder: 7x7 stride-2 stem (64 channels), 3x3 stride-2 max-pool, four bottleneck stages
 * (widths 64, 128, 256, 512, expansion 4, strides 1, 2, 2, 2; 3, 4, 6, 3 blocks for ResNet-50).
 * Decoder: at each of the strides 16, 8, 4, 2 a pixel-shuffle 2x upsampling, concatenation with the
 * encoder map of that size and two 3x3 conv + BN + ReLU; then a last upsampling to full size, a 3x3
 * conv and a 1x1 conv to one channel. Widths scale with the config's width multiplier.
 */
public final class UNetResNet extends AbstractBlock {
    private final Block stem;
    private final Block[] stages = new Block[4];
    private final Block[] ups = new Block[5];
    private final Block[] fuses = new Block[5];
    private final Block head;

    /** Builds the network from a validated config. */
    public UNetResNet(ConfigHeightNet config) {
        double m = config.widthMultiplier;
        int stemW = Layers.width(64, m);
        stem = addChildBlock("stem", Layers.convBnRelu(stemW, 7, 2));
        int in = stemW;
        int[] skipW = new int[5];
        skipW[0] = stemW;
        for (int s = 0; s < 4; s++) {
            int w = Layers.width(64 << s, m);
            SequentialBlock stage = new SequentialBlock();
            if (s == 0) {
                stage.add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
            }
            for (int b = 0; b < config.resnetStageBlocks[s]; b++) {
                stage.add(new Bottleneck(in, w, b == 0 && s > 0 ? 2 : 1));
                in = 4 * w;
            }
            stages[s] = addChildBlock("stage" + (s + 1), stage);
            skipW[s + 1] = in;
        }
        // decoder widths at strides 16, 8, 4, 2, 1
        int[] decW = {
            Layers.width(256, m),
            Layers.width(128, m),
            Layers.width(64, m),
            Layers.width(32, m),
            Layers.width(16, m)
        };
        for (int d = 0; d < 5; d++) {
            ups[d] = addChildBlock("up" + d, new PixelShuffleUpsample(decW[d]));
            fuses[d] =
                    addChildBlock(
                            "fuse" + d,
                            new SequentialBlock()
                                    .add(Layers.convBnRelu(decW[d], 3, 1))
                                    .add(Layers.convBnRelu(decW[d], 3, 1)));
        }
        head = addChildBlock("head", Layers.conv(1, 1, 1, true));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray[] skips = new NDArray[5];
        NDArray x = stem.forward(ps, inputs, training).singletonOrThrow();
        skips[0] = x;
        for (int s = 0; s < 4; s++) {
            x = stages[s].forward(ps, new NDList(x), training).singletonOrThrow();
            skips[s + 1] = x;
        }
        for (int d = 0; d < 5; d++) {
            x = ups[d].forward(ps, new NDList(x), training).singletonOrThrow();
            if (d < 4) {
                x = NDArrays.concat(new NDList(x, skips[3 - d]), 1);
            }
            x = fuses[d].forward(ps, new NDList(x), training).singletonOrThrow();
        }
        return head.forward(ps, new NDList(x), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), 1, s.get(2), s.get(3))};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] skips = new Shape[5];
        Shape s = inputShapes[0];
        stem.initialize(manager, dataType, s);
        s = Layers.out(stem, s);
        skips[0] = s;
        for (int i = 0; i < 4; i++) {
            stages[i].initialize(manager, dataType, s);
            s = Layers.out(stages[i], s);
            skips[i + 1] = s;
        }
        for (int d = 0; d < 5; d++) {
            ups[d].initialize(manager, dataType, s);
            s = Layers.out(ups[d], s);
            if (d < 4) {
                Shape k = skips[3 - d];
                s = new Shape(s.get(0), s.get(1) + k.get(1), s.get(2), s.get(3));
            }
            fuses[d].initialize(manager, dataType, s);
            s = Layers.out(fuses[d], s);
        }
        head.initialize(manager, dataType, s);
    }
}
