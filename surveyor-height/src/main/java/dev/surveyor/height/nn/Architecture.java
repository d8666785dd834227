package dev.surveyor.height.nn;

/** The height-regression networks. */
public enum Architecture {
    /** Multi-scale residual fusion encoder-decoder with skip connections (paper 2). */
    MRFED,
    /** U-Net with a ResNet-50 (bottleneck) encoder. */
    UNET,
    /** FCN-8s with a VGG16 encoder. */
    FCN;

    /** Parses {@code mrfed|unet|fcn} (case-insensitive). */
    public static Architecture parse(String name) {
        for (Architecture a : values()) {
            if (a.name().equalsIgnoreCase(name.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("architecture must be mrfed, unet or fcn, got " + name);
    }
}
