package dev.surveyor.height.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** ResNet-50 bottleneck block (1x1, 3x3 with stride, 1x1 to 4x width; projection shortcut). */
final class Bottleneck extends AbstractBlock {
    private final Block body;
    private final Block shortcut;

    Bottleneck(int inChannels, int width, int stride) {
        int out = 4 * width;
        body =
                addChildBlock(
                        "body",
                        new SequentialBlock()
                                .add(Layers.convBnRelu(width, 1, 1))
                                .add(Layers.convBnRelu(width, 3, stride))
                                .add(Layers.convBn(out, 1, 1)));
        shortcut =
                addChildBlock(
                        "shortcut",
                        inChannels == out && stride == 1
                                ? Blocks.identityBlock()
                                : Layers.convBn(out, 1, stride));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray b = body.forward(ps, inputs, training).singletonOrThrow();
        NDArray s = shortcut.forward(ps, inputs, training).singletonOrThrow();
        return new NDList(Activation.relu(b.add(s)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return body.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        body.initialize(manager, dataType, inputShapes);
        shortcut.initialize(manager, dataType, inputShapes);
    }
}
