package dev.surveyor.height.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * 2x upsampling by a 1x1 convolution to {@code 4 * outChannels} followed by depth-to-space: exactly
 * a transposed convolution with kernel 2, stride 2 and no padding.
 *
 * <p>Equivalence: a {@code ConvTranspose2d} weight {@code W[c][o][a][b]} (PyTorch layout, input
 * channel c, output channel o, kernel row a, kernel column b) and bias {@code B[o]} give the same
 * output as this block when the 1x1 convolution has weight {@code K[o*4 + a*2 + b][c] =
 * W[c][o][a][b]} and bias {@code B[o]} repeated 4 times. Output pixel {@code (2i + a, 2j + b)} of
 * channel o comes from input pixel {@code (i, j)} (row, column). The channel order is that of
 * PyTorch's {@code PixelShuffle}. The 1x1 convolution has a bias per sub-pixel, a superset of the
 * transposed convolution.
 */
public final class PixelShuffleUpsample extends AbstractBlock {
    private final int outChannels;
    private final Conv2d conv;

    /**
     * @param outChannels channels after upsampling.
     */
    public PixelShuffleUpsample(int outChannels) {
        if (outChannels < 1) {
            throw new IllegalArgumentException("outChannels must be >= 1, got " + outChannels);
        }
        this.outChannels = outChannels;
        this.conv = addChildBlock("conv", Layers.conv(4 * outChannels, 1, 1, true));
    }

    /** The 1x1 convolution (its weight has shape {@code (4 * outChannels, inChannels, 1, 1)}). */
    public Conv2d conv() {
        return conv;
    }

    /**
     * Rearranges {@code (N, 4C, H, W)} to {@code (N, C, 2H, 2W)}: channel {@code c*4 + a*2 + b}
     * goes to sub-pixel row a, column b.
     */
    public static NDArray depthToSpace(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1) / 4;
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(n, c, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, c, 2 * h, 2 * w);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray y = conv.forward(ps, inputs, training, params).singletonOrThrow();
        return new NDList(depthToSpace(y));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), outChannels, 2 * s.get(2), 2 * s.get(3))};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
    }
}
