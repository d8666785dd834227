package dev.surveyor.height.nn;

import ai.djl.nn.Block;

/** Builds height-regression networks from a {@link ConfigHeightNet}. */
public final class FactoryHeightNet {
    private FactoryHeightNet() {}

    /** The network for {@code config} (null = defaults: full-width MRFED on 3 bands). */
    public static Block create(ConfigHeightNet config) {
        ConfigHeightNet c = config != null ? config : new ConfigHeightNet();
        c.validate();
        return switch (c.architecture) {
            case MRFED -> new MrfedNet(c);
            case UNET -> new UNetResNet(c);
            case FCN -> new FcnVgg(c);
        };
    }
}
