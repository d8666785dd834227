package dev.surveyor.height.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/** Small factories of convolution layers shared by the networks (same-padding, NCHW). */
final class Layers {
    private Layers() {}

    /** A k x k convolution with padding k/2 (size kept at stride 1). */
    static Conv2d conv(int filters, int kernel, int stride, boolean bias) {
        return Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .setFilters(filters)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(bias)
                .build();
    }

    /** Convolution + batch norm. */
    static SequentialBlock convBn(int filters, int kernel, int stride) {
        return new SequentialBlock()
                .add(conv(filters, kernel, stride, false))
                .add(BatchNorm.builder().build());
    }

    /** Convolution + batch norm + ReLU. */
    static SequentialBlock convBnRelu(int filters, int kernel, int stride) {
        return convBn(filters, kernel, stride).add(Activation.reluBlock());
    }

    /** Rounds {@code base * multiplier} to a multiple of 4, at least 4 (MRFED splits in 4). */
    static int width(int base, double multiplier) {
        int w = (int) Math.round(base * multiplier / 4.0) * 4;
        return Math.max(4, w);
    }

    static Shape out(Block block, Shape in) {
        return block.getOutputShapes(new Shape[] {in})[0];
    }
}
