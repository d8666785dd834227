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
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.surveyor.height.nn.MultiScaleResidualBlock.Resample;
import dev.surveyor.learn.ScopedInference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MRFED: multi-scale residual fusion encoder-decoder with skip connections (paper 2, Table 1).
 *
 * <p>For a 512² input and width multiplier 1 the feature maps are: encoder #1 256²x64, #2 128²x128,
 * #3 64²x256, #4 32²x512, #5 16²x1024; decoder #6 32²x(512·2), #7 64²x(256·2), #8 128²x(128·2), #9
 * 256²x(64·2), where "·2" is the encoder map of the same size concatenated (copy and concatenate);
 * then a last decode block to 512² (32 channels) and a 1x1 convolution to one channel (linear
 * regression output, no activation). Each encoder stage is one stride-2 {@link
 * MultiScaleResidualBlock} followed by {@code sizePreservingBlocks} size-preserving ones.
 *
 * <p>Input {@code (N, C, H, W)} with H and W multiples of 32; output {@code (N, 1, H, W)}.
 */
public final class MrfedNet extends AbstractBlock {
    private static final int[] BASE = {64, 128, 256, 512, 1024};

    private final int[] widths = new int[5];
    private final int headWidth;
    private final Block[] encoders = new Block[5];
    private final Block[] decoders = new Block[5];
    private final Block head;

    /** Builds the network from a validated config. */
    public MrfedNet(ConfigHeightNet config) {
        for (int i = 0; i < 5; i++) {
            widths[i] = Layers.width(BASE[i], config.widthMultiplier);
        }
        headWidth = Layers.width(32, config.widthMultiplier);
        int in = config.inputBands;
        for (int i = 0; i < 5; i++) {
            SequentialBlock stage = new SequentialBlock();
            stage.add(new MultiScaleResidualBlock(in, widths[i], Resample.DOWN));
            for (int k = 0; k < config.sizePreservingBlocks; k++) {
                stage.add(new MultiScaleResidualBlock(widths[i], widths[i], Resample.KEEP));
            }
            encoders[i] = addChildBlock("enc" + (i + 1), stage);
            in = widths[i];
        }
        // decoder #6..#9 go to the size of encoder #4..#1 and are concatenated with it
        for (int d = 0; d < 4; d++) {
            int target = 3 - d;
            decoders[d] =
                    addChildBlock(
                            "dec" + (d + 6),
                            new MultiScaleResidualBlock(in, widths[target], Resample.UP));
            in = 2 * widths[target];
        }
        decoders[4] =
                addChildBlock("dec10", new MultiScaleResidualBlock(in, headWidth, Resample.UP));
        head = addChildBlock("head", Layers.conv(1, 1, 1, true));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray[] enc = new NDArray[5];
        for (int i = 0; i < 5; i++) {
            x =
                    ScopedInference.forward(encoders[i], ps, new NDList(x), training)
                            .singletonOrThrow();
            enc[i] = x;
        }
        for (int d = 0; d < 4; d++) {
            NDArray up =
                    ScopedInference.forward(decoders[d], ps, new NDList(x), training)
                            .singletonOrThrow();
            x = NDArrays.concat(new NDList(up, enc[3 - d]), 1);
        }
        x = ScopedInference.forward(decoders[4], ps, new NDList(x), training).singletonOrThrow();
        return ScopedInference.forward(head, ps, new NDList(x), training);
    }

    /**
     * The feature-map shapes of Table 1 for an input shape: keys {@code #1}..{@code #9} (decoder
     * entries after the concatenation) and {@code out}. Pure shape inference, no weights needed.
     */
    public Map<String, Shape> stageShapes(Shape input) {
        Map<String, Shape> m = new LinkedHashMap<>();
        Shape s = input;
        List<Shape> enc = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            s = Layers.out(encoders[i], s);
            enc.add(s);
            m.put("#" + (i + 1), s);
        }
        for (int d = 0; d < 4; d++) {
            Shape up = Layers.out(decoders[d], s);
            Shape skip = enc.get(3 - d);
            s = new Shape(up.get(0), up.get(1) + skip.get(1), up.get(2), up.get(3));
            m.put("#" + (d + 6), s);
        }
        s = Layers.out(decoders[4], s);
        m.put("out", Layers.out(head, s));
        return m;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {stageShapes(inputShapes[0]).get("out")};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        List<Shape> enc = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            encoders[i].initialize(manager, dataType, s);
            s = Layers.out(encoders[i], s);
            enc.add(s);
        }
        for (int d = 0; d < 4; d++) {
            decoders[d].initialize(manager, dataType, s);
            Shape up = Layers.out(decoders[d], s);
            Shape skip = enc.get(3 - d);
            s = new Shape(up.get(0), up.get(1) + skip.get(1), up.get(2), up.get(3));
        }
        decoders[4].initialize(manager, dataType, s);
        s = Layers.out(decoders[4], s);
        head.initialize(manager, dataType, s);
    }
}
