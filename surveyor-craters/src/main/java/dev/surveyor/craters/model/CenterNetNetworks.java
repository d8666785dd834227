package dev.surveyor.craters.model;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.initializer.ConstantInitializer;
import dev.surveyor.learn.ModelDir;
import dev.surveyor.learn.NetBlocks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Builds CenterNet networks from a {@link ConfigCenterNet}. */
public final class CenterNetNetworks {
    /** CenterNet's heatmap bias initial value, -log((1 - 0.1) / 0.1). */
    public static final float HEATMAP_BIAS = -2.19f;

    /**
     * A built network.
     *
     * @param network the whole network: input NCHW, output (N, 5, H/R, W/R)
     * @param backbone the part frozen during transfer learning (everything except the heads)
     */
    public record Network(Block network, Block backbone) {}

    private CenterNetNetworks() {}

    /**
     * Builds the network of {@code config} and loads the named parameter file of a model directory
     * into it (the model is closed again if that fails).
     *
     * @param paramsName parameter file name without extension, e.g. {@link ModelDir#BEST}
     * @return the model; its block is the network. Close it to free the native memory.
     */
    public static Model load(ModelDir dir, ConfigCenterNet config, String paramsName)
            throws IOException {
        Block block = build(config).network();
        Model model = Model.newInstance("craters");
        try {
            model.setBlock(block);
            dir.loadParams(block, model.getNDManager(), paramsName);
            block.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    new Shape(1, 1, config.sizeMultiple(), config.sizeMultiple()));
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    /** Builds the network of a configuration. */
    public static Network build(ConfigCenterNet config) {
        ConfigCenterNet c = config.copy();
        c.validate();
        SequentialBlock backbone = new SequentialBlock();
        backbone.add(NetBlocks.convBnRelu(c.stemChannels, 7, 2));
        int featureChannels;
        switch (c.backbone) {
            case "resnet-s" -> featureChannels = resnetSmall(backbone, c);
            case "resnet18" ->
                    featureChannels =
                            resnetUp(
                                    backbone,
                                    c,
                                    new int[] {2, 2, 2, 2},
                                    new int[] {64, 128, 256, 512},
                                    false);
            case "resnet50" ->
                    featureChannels =
                            resnetUp(
                                    backbone,
                                    c,
                                    new int[] {3, 4, 6, 3},
                                    new int[] {256, 512, 1024, 2048},
                                    true);
            case "hourglass" -> featureChannels = hourglass(backbone, c);
            default -> throw new IllegalArgumentException("unknown backbone " + c.backbone);
        }
        Conv2d hmOut = NetBlocks.conv(1, 1, 1, true);
        hmOut.setInitializer(new ConstantInitializer(HEATMAP_BIAS), "bias");
        Block heads =
                new ParallelBlock(
                        NetBlocks::concatChannels,
                        List.of(
                                head(c.headChannels, hmOut),
                                head(c.headChannels, NetBlocks.conv(2, 1, 1, true)),
                                head(c.headChannels, NetBlocks.conv(2, 1, 1, true))));
        SequentialBlock net = new SequentialBlock().add(backbone).add(heads);
        if (featureChannels <= 0) {
            throw new IllegalStateException("no features");
        }
        return new Network(net, backbone);
    }

    private static Block head(int ch, Block out) {
        return new SequentialBlock()
                .add(NetBlocks.conv(ch, 3, 1, true))
                .add(Activation.reluBlock())
                .add(out);
    }

    /** resnet-s; the stem is already in {@code b}. */
    private static int resnetSmall(SequentialBlock b, ConfigCenterNet c) {
        int[] w = c.widths;
        if (c.outputStride == 2) {
            // level at stride 2 = stem width, then the stride-2 residual block inside the recursion
            b.add(NetBlocks.skipAdd(downUp(c.stemChannels, w, 0, c.blocksPerLevel)));
            return c.stemChannels;
        }
        b.add(NetBlocks.residual(c.stemChannels, w[0], 2));
        b.add(level(w, 0, c.blocksPerLevel));
        return w[0];
    }

    /** Processing at level k (width w[k]) including all deeper levels; keeps the shape. */
    private static Block level(int[] w, int k, int blocks) {
        SequentialBlock s = new SequentialBlock();
        for (int i = 0; i < blocks; i++) {
            s.add(NetBlocks.residual(w[k], w[k], 1));
        }
        if (k + 1 < w.length) {
            s.add(NetBlocks.skipAdd(downUp(w[k], w, k + 1, blocks)));
        }
        return s;
    }

    /** Down to level k (stride-2 residual), process, up back to {@code outCh}. */
    private static Block downUp(int outCh, int[] w, int k, int blocks) {
        return new SequentialBlock()
                .add(NetBlocks.residual(outCh, w[k], 2))
                .add(level(w, k, blocks))
                .add(NetBlocks.upsampleConv(outCh));
    }

    /** ResNet encoder to stride 32, then three up-sampling stages to stride 4. */
    private static int resnetUp(
            SequentialBlock b, ConfigCenterNet c, int[] blocks, int[] widths, boolean bottleneck) {
        int in = c.stemChannels;
        // stride-2 residual block of the paper's stem (R = 4), then stages 1..4 (stride 4..32).
        b.add(NetBlocks.residual(in, widths[0] / (bottleneck ? 4 : 1), 2));
        in = widths[0] / (bottleneck ? 4 : 1);
        for (int s = 0; s < 4; s++) {
            for (int i = 0; i < blocks[s]; i++) {
                int stride = (i == 0 && s > 0) ? 2 : 1;
                b.add(
                        bottleneck
                                ? NetBlocks.bottleneck(in, widths[s], stride)
                                : NetBlocks.residual(in, widths[s], stride));
                in = widths[s];
            }
        }
        for (int ch : new int[] {256, 128, 64}) {
            b.add(NetBlocks.upsampleConv(ch));
        }
        return 64;
    }

    /** Stacked hourglasses at stride 4. */
    private static int hourglass(SequentialBlock b, ConfigCenterNet c) {
        int w0 = c.widths[0];
        b.add(NetBlocks.residual(c.stemChannels, w0, 2));
        for (int s = 0; s < c.stacks; s++) {
            Block hg = hourglassLevel(c.widths, 0, c.hourglassDepth);
            SequentialBlock stack =
                    new SequentialBlock().add(hg).add(NetBlocks.convBnRelu(w0, 3, 1));
            if (s + 1 < c.stacks) {
                // CenterNet: x = relu(inter_(x) + cnv_(cnv)); x = inters[s](x)
                Block merge =
                        new ParallelBlock(
                                NetBlocks::addRelu,
                                List.of(
                                        NetBlocks.convBn(w0, 1, 1),
                                        new SequentialBlock()
                                                .add(stack)
                                                .add(NetBlocks.convBn(w0, 1, 1))));
                b.add(merge).add(NetBlocks.residual(w0, w0, 1));
            } else {
                b.add(stack);
            }
        }
        return w0;
    }

    private static Block hourglassLevel(int[] w, int k, int depth) {
        Block up1 = NetBlocks.residual(w[k], w[k], 1);
        SequentialBlock low =
                new SequentialBlock()
                        .add(NetBlocks.maxPool2())
                        .add(NetBlocks.residual(w[k], w[k + 1], 1));
        if (depth > 1) {
            low.add(hourglassLevel(w, k + 1, depth - 1));
        } else {
            low.add(NetBlocks.residual(w[k + 1], w[k + 1], 1));
        }
        low.add(NetBlocks.residual(w[k + 1], w[k], 1)).add(NetBlocks.upsampleNearest(2));
        List<Block> branches = new ArrayList<>();
        branches.add(up1);
        branches.add(low);
        return new ParallelBlock(CenterNetNetworks::sum, branches);
    }

    private static NDList sum(List<NDList> l) {
        return NetBlocks.add(l);
    }
}
