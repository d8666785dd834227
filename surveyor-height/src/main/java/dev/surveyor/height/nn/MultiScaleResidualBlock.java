package dev.surveyor.height.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surveyor.learn.ScopedInference;

/**
 * The MRFED multi-scale residual fusion block (encode, decode or size-preserving).
 *
 * <p>Steps (paper 2, "encode block"): (1) a 1x1 convolution maps the input to {@code outChannels}
 * channels; (2) the channels are split into four equal parts x1..x4; (3) {@code y1 = x1} and {@code
 * y_i = K_i x_i} for i = 2, 3, 4, where {@code K_i} is a cascade of i−1 3x3 convolutions, so the
 * parts see receptive fields of 1, 3, 5 and 7 pixels; (4) y1..y4 are concatenated; (5) a resampling
 * layer maps them to the output: a 1x1 convolution with stride 2 (encode, half size), a
 * pixel-shuffle upsampling equal to a k=2, s=2 transposed convolution (decode, double size) or a
 * 1x1 convolution (size-preserving); (6) residual: the block input passes through a layer of the
 * same kind (identity for a size-preserving block whose channel count does not change) and is added
 * element-wise; (7) ReLU.
 *
 * <p>Project choices where the paper is silent: every convolution is followed by batch norm, and
 * those inside the block by ReLU; the ReLU after the sum is the ResNet convention.
 */
public final class MultiScaleResidualBlock extends AbstractBlock {
    /** How the block changes the spatial size. */
    public enum Resample {
        /** Encode: half width and height (stride-2 1x1 convolution). */
        DOWN,
        /** Size-preserving (1x1 convolution). */
        KEEP,
        /** Decode: double width and height (pixel shuffle = transposed convolution k=2, s=2). */
        UP
    }

    private final int outChannels;
    private final Resample resample;
    private final Block reduce;
    private final Block[] cascades = new Block[3];
    private final Block fuse;
    private final Block shortcut;

    /**
     * @param inChannels input channels (used to decide whether a KEEP block needs a projection)
     * @param outChannels output channels, a positive multiple of 4
     * @param resample the spatial change
     */
    public MultiScaleResidualBlock(int inChannels, int outChannels, Resample resample) {
        if (outChannels < 4 || outChannels % 4 != 0) {
            throw new IllegalArgumentException(
                    "outChannels must be a positive multiple of 4, got " + outChannels);
        }
        this.outChannels = outChannels;
        this.resample = resample;
        int part = outChannels / 4;
        reduce = addChildBlock("reduce", Layers.convBnRelu(outChannels, 1, 1));
        for (int i = 0; i < 3; i++) {
            SequentialBlock k = new SequentialBlock();
            for (int j = 0; j <= i; j++) {
                k.add(Layers.convBnRelu(part, 3, 1));
            }
            cascades[i] = addChildBlock("cascade" + (i + 2), k);
        }
        fuse = addChildBlock("fuse", resampler(outChannels, resample));
        if (resample == Resample.KEEP && inChannels == outChannels) {
            shortcut = addChildBlock("shortcut", Blocks.identityBlock());
        } else {
            shortcut = addChildBlock("shortcut", resampler(outChannels, resample));
        }
    }

    private static Block resampler(int channels, Resample resample) {
        return switch (resample) {
            case DOWN -> Layers.convBn(channels, 1, 2);
            case KEEP -> Layers.convBn(channels, 1, 1);
            case UP ->
                    new SequentialBlock()
                            .add(new PixelShuffleUpsample(channels))
                            .add(BatchNorm.builder().build());
        };
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray r = ScopedInference.forward(reduce, ps, new NDList(x), training).singletonOrThrow();
        NDList parts = r.split(4, 1);
        NDList ys = new NDList(4);
        ys.add(parts.get(0));
        for (int i = 0; i < 3; i++) {
            ys.add(
                    ScopedInference.forward(cascades[i], ps, new NDList(parts.get(i + 1)), training)
                            .singletonOrThrow());
        }
        NDArray cat = NDArrays.concat(ys, 1);
        NDArray f = ScopedInference.forward(fuse, ps, new NDList(cat), training).singletonOrThrow();
        NDArray s =
                ScopedInference.forward(shortcut, ps, new NDList(x), training).singletonOrThrow();
        return new NDList(Activation.relu(f.add(s)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        long h = s.get(2);
        long w = s.get(3);
        return switch (resample) {
            case DOWN -> new Shape[] {new Shape(s.get(0), outChannels, (h + 1) / 2, (w + 1) / 2)};
            case KEEP -> new Shape[] {new Shape(s.get(0), outChannels, h, w)};
            case UP -> new Shape[] {new Shape(s.get(0), outChannels, 2 * h, 2 * w)};
        };
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        reduce.initialize(manager, dataType, in);
        Shape r = Layers.out(reduce, in);
        Shape part = new Shape(r.get(0), r.get(1) / 4, r.get(2), r.get(3));
        for (Block c : cascades) {
            c.initialize(manager, dataType, part);
        }
        fuse.initialize(manager, dataType, r);
        shortcut.initialize(manager, dataType, in);
    }
}
