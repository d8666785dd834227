package dev.surveyor.height.nn;

import ai.djl.ndarray.NDArray;
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
 * FCN-8s with a VGG16 encoder, adapted for regression (the softmax replaced by a 1-channel linear
 * output).
 *
 * <p>VGG16: five blocks of 2, 2, 3, 3, 3 3x3 convolutions (64, 128, 256, 512, 512 channels), each
 * block ending in a 2x2 max-pool. fc6/fc7 become convolutions (3x3 and 1x1, 4096 channels times the
 * width multiplier; the original fc6 is 7x7). Score maps (1 channel) at strides 32, 16 and 8 are
 * fused FCN-8s style: upsample 2x, add, upsample 2x, add, upsample 8x. Every upsampling is a
 * learned pixel shuffle (transposed convolution k=2, s=2). Deviation: batch norm after every
 * convolution, which VGG16 predates, so that the Glorot-initialised net trains from scratch.
 */
public final class FcnVgg extends AbstractBlock {
    private static final int[] DEPTH = {2, 2, 3, 3, 3};
    private static final int[] BASE = {64, 128, 256, 512, 512};

    private final Block[] blocks = new Block[5];
    private final Block fc;
    private final Block score32;
    private final Block score16;
    private final Block score8;
    private final Block up32;
    private final Block up16;
    private final Block up8;

    /** Builds the network from a validated config. */
    public FcnVgg(ConfigHeightNet config) {
        double m = config.widthMultiplier;
        for (int b = 0; b < 5; b++) {
            SequentialBlock blk = new SequentialBlock();
            for (int k = 0; k < DEPTH[b]; k++) {
                blk.add(Layers.convBnRelu(Layers.width(BASE[b], m), 3, 1));
            }
            blk.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            blocks[b] = addChildBlock("vgg" + (b + 1), blk);
        }
        int fcW = Layers.width(4096, m);
        fc =
                addChildBlock(
                        "fc67",
                        new SequentialBlock()
                                .add(Layers.convBnRelu(fcW, 3, 1))
                                .add(Layers.convBnRelu(fcW, 1, 1)));
        score32 = addChildBlock("score32", Layers.conv(1, 1, 1, true));
        score16 = addChildBlock("score16", Layers.conv(1, 1, 1, true));
        score8 = addChildBlock("score8", Layers.conv(1, 1, 1, true));
        up32 = addChildBlock("up32", new PixelShuffleUpsample(1));
        up16 = addChildBlock("up16", new PixelShuffleUpsample(1));
        up8 =
                addChildBlock(
                        "up8",
                        new SequentialBlock()
                                .add(new PixelShuffleUpsample(1))
                                .add(new PixelShuffleUpsample(1))
                                .add(new PixelShuffleUpsample(1)));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray[] pools = new NDArray[5];
        for (int b = 0; b < 5; b++) {
            x = blocks[b].forward(ps, new NDList(x), training).singletonOrThrow();
            pools[b] = x;
        }
        NDArray f = fc.forward(ps, new NDList(x), training).singletonOrThrow();
        NDArray s = score32.forward(ps, new NDList(f), training).singletonOrThrow();
        s = up32.forward(ps, new NDList(s), training).singletonOrThrow();
        s = s.add(score16.forward(ps, new NDList(pools[3]), training).singletonOrThrow());
        s = up16.forward(ps, new NDList(s), training).singletonOrThrow();
        s = s.add(score8.forward(ps, new NDList(pools[2]), training).singletonOrThrow());
        return up8.forward(ps, new NDList(s), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), 1, s.get(2), s.get(3))};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        Shape[] pools = new Shape[5];
        for (int b = 0; b < 5; b++) {
            blocks[b].initialize(manager, dataType, s);
            s = Layers.out(blocks[b], s);
            pools[b] = s;
        }
        fc.initialize(manager, dataType, s);
        Shape f = Layers.out(fc, s);
        score32.initialize(manager, dataType, f);
        Shape sc = Layers.out(score32, f);
        up32.initialize(manager, dataType, sc);
        score16.initialize(manager, dataType, pools[3]);
        Shape s16 = Layers.out(score16, pools[3]);
        up16.initialize(manager, dataType, s16);
        score8.initialize(manager, dataType, pools[2]);
        Shape s8 = Layers.out(score8, pools[2]);
        up8.initialize(manager, dataType, s8);
    }
}
