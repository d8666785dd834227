/**
 * The CenterNet network in DJL ({@link dev.surveyor.craters.model.CenterNetNetworks}), its loss on
 * NDArrays, training data sampling with augmentation, training and the model directory contents.
 * Network input: one grey channel normalised as {@code (v - mean) / std} (values in model.json);
 * network output: NCHW with 5 channels at output stride R: heatmap logit, x and y offset (cells),
 * width and height (cells).
 */
package dev.surveyor.craters.model;
