/**
 * DJL network blocks for single-image height regression: the MRFED encoder-decoder of Lu, Jia et
 * al. (multi-scale residual fusion blocks with skip connections), and the U-Net (ResNet-50 encoder)
 * and FCN-8s (VGG16 encoder) baselines adapted for regression. All networks take {@code (N, C, H,
 * W)} float input (normalised bands, H and W multiples of 32) and return {@code (N, 1, H, W)}:
 * height divided by the model's height scale. Upsampling is a pixel shuffle, which equals a
 * transposed convolution with kernel 2 and stride 2 (DJL's PyTorch engine has no {@code
 * Conv2dTranspose}).
 */
package dev.surveyor.height.nn;
