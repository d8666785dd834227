package dev.surveyor.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import dev.surveyor.core.util.Checks;
import java.util.List;

/**
 * Building blocks for fully convolutional networks on NCHW tensors.
 *
 * <p>DJL's PyTorch engine has no transposed convolution, so upsampling is done either by nearest
 * neighbour repetition ({@link #upsampleNearest}) followed by a convolution, or by pixel shuffle
 * ({@link #pixelShuffle}: a 1x1 convolution to {@code 4C} channels rearranged to {@code 2H x 2W},
 * equivalent to a k = 2, s = 2 transposed convolution). Both are differentiable.
 */
public final class NetBlocks {
    private NetBlocks() {}

    /** A convolution with "same" padding for odd kernels. */
    public static Conv2d conv(int filters, int kernel, int stride, boolean bias) {
        Checks.positive("filters", filters);
        Checks.positive("kernel", kernel);
        Checks.positive("stride", stride);
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(bias)
                .build();
    }

    /** Convolution (no bias) + batch norm + ReLU. */
    public static SequentialBlock convBnRelu(int filters, int kernel, int stride) {
        return new SequentialBlock()
                .add(conv(filters, kernel, stride, false))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
    }

    /** Convolution (no bias) + batch norm, without activation. */
    public static SequentialBlock convBn(int filters, int kernel, int stride) {
        return new SequentialBlock()
                .add(conv(filters, kernel, stride, false))
                .add(BatchNorm.builder().build());
    }

    /**
     * A basic residual block (ResNet-18 style): {@code relu(bn(conv3(relu(bn(conv3(x))))) +
     * shortcut(x))}, the shortcut being a 1x1 conv + BN when the stride or channel count changes.
     *
     * @param inChannels input channels (to decide whether a projection shortcut is needed)
     * @param outChannels output channels
     * @param stride 1 or 2
     */
    public static Block residual(int inChannels, int outChannels, int stride) {
        SequentialBlock main =
                new SequentialBlock()
                        .add(convBnRelu(outChannels, 3, stride))
                        .add(convBn(outChannels, 3, 1));
        Block shortcut =
                (stride != 1 || inChannels != outChannels)
                        ? convBn(outChannels, 1, stride)
                        : Blocks.identityBlock();
        return new ParallelBlock(NetBlocks::addRelu, List.of(main, shortcut));
    }

    /**
     * A bottleneck residual block (ResNet-50 style): 1x1 to {@code outChannels/4}, 3x3 (stride),
     * 1x1 to {@code outChannels}, plus a projection shortcut when needed.
     */
    public static Block bottleneck(int inChannels, int outChannels, int stride) {
        int mid = Math.max(1, outChannels / 4);
        SequentialBlock main =
                new SequentialBlock()
                        .add(convBnRelu(mid, 1, 1))
                        .add(convBnRelu(mid, 3, stride))
                        .add(convBn(outChannels, 1, 1));
        Block shortcut =
                (stride != 1 || inChannels != outChannels)
                        ? convBn(outChannels, 1, stride)
                        : Blocks.identityBlock();
        return new ParallelBlock(NetBlocks::addRelu, List.of(main, shortcut));
    }

    /** Sum of two branches followed by ReLU (join function of a {@link ParallelBlock}). */
    public static NDList addRelu(List<NDList> branches) {
        NDArray a = branches.get(0).singletonOrThrow();
        NDArray b = branches.get(1).singletonOrThrow();
        return new NDList(Activation.relu(a.add(b)));
    }

    /** Sum of two branches (join function of a {@link ParallelBlock}). */
    public static NDList add(List<NDList> branches) {
        return new NDList(
                branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()));
    }

    /** Concatenation of all branches along the channel axis. */
    public static NDList concatChannels(List<NDList> branches) {
        NDList all = new NDList();
        for (NDList l : branches) {
            all.add(l.singletonOrThrow());
        }
        return new NDList(all.size() == 1 ? all.get(0) : ai.djl.ndarray.NDArrays.concat(all, 1));
    }

    /**
     * A skip connection: {@code join(identity(x), inner(x))} where {@code inner} keeps the shape
     * (e.g. down-sample, process, up-sample).
     */
    public static Block skipAdd(Block inner) {
        return new ParallelBlock(NetBlocks::add, List.of(Blocks.identityBlock(), inner));
    }

    /** 2x2 max-pool with stride 2. */
    public static Block maxPool2() {
        return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2));
    }

    /** Nearest-neighbour up-sampling by an integer factor (each pixel repeated factor x factor). */
    public static Block upsampleNearest(int factor) {
        Checks.positive("factor", factor);
        return new LambdaBlock(
                l -> new NDList(upsampleNearest(l.singletonOrThrow(), factor)), "upsampleNearest");
    }

    /** Nearest-neighbour up-sampling of an NCHW array; differentiable. */
    public static NDArray upsampleNearest(NDArray x, int f) {
        Shape s = x.getShape();
        long n = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3);
        return x.reshape(n, c, h, 1, w, 1)
                .broadcast(new Shape(n, c, h, f, w, f))
                .reshape(n, c, h * f, w * f);
    }

    /**
     * Pixel shuffle: {@code (N, C f^2, H, W) -> (N, C, H f, W f)}, channel {@code c f^2 + i f + j}
     * going to sub-pixel row {@code i}, column {@code j} (PyTorch {@code pixel_shuffle} order).
     */
    public static NDArray pixelShuffle(NDArray x, int f) {
        Shape s = x.getShape();
        long n = s.get(0), c = s.get(1) / ((long) f * f), h = s.get(2), w = s.get(3);
        return x.reshape(n, c, f, f, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, c, h * f, w * f);
    }

    /** A block doing 1x1 conv to {@code outChannels * f^2} then pixel shuffle by {@code f}. */
    public static Block pixelShuffleUp(int outChannels, int f) {
        return new SequentialBlock()
                .add(conv(outChannels * f * f, 1, 1, true))
                .add(
                        new LambdaBlock(
                                l -> new NDList(pixelShuffle(l.singletonOrThrow(), f)),
                                "pixelShuffle"));
    }

    /** Nearest 2x up-sampling then 3x3 conv + BN + ReLU. */
    public static Block upsampleConv(int outChannels) {
        return new SequentialBlock().add(upsampleNearest(2)).add(convBnRelu(outChannels, 3, 1));
    }
}
