package dev.surveyor.craters.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Pieces of the hand-made stand-in networks the detector tests decode. */
final class FakeNetworks {
    private FakeNetworks() {}

    /**
     * Means of the 4x4 blocks of {@code x} (N, C, H, W): the output grid of an output-stride-4
     * network, whose cell (i, j) covers input pixels 4i..4i+3 by 4j..4j+3.
     */
    static NDArray stride4Means(NDArray x) {
        return x.getNDArrayInternal()
                .avgPool(new Shape(4, 4), new Shape(4, 4), new Shape(0, 0), false, true);
    }
}
