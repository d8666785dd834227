package dev.surveyor.height.train;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;
import dev.surveyor.height.data.DihedralSet;
import dev.surveyor.height.data.InputView;
import dev.surveyor.height.nn.ConfigHeightNet;
import java.util.List;

/**
 * Settings of {@link HeightTrainer}. Adam's β1, β2, ε are fixed at the paper's 0.9, 0.999, 1e-8.
 */
public class ConfigHeightTraining implements Config {
    private static final long serialVersionUID = 1L;

    /** The network (ignored when training starts from an existing model). */
    public ConfigHeightNet net = new ConfigHeightNet();

    /**
     * Extra co-registered views whose bands follow the image bands in every training tile, in order
     * (as {@code TileReader.readTiles} appends them); recorded in {@code model.json} so that
     * prediction asks for them. Empty: the tiles hold image bands only.
     */
    public List<InputView> views = List.of();

    /** Epochs to run (in total, including those of a resumed run). */
    public int epochs = 10;

    /** Optimiser steps per epoch. */
    public int stepsPerEpoch = 100;

    /** Crops per step. */
    public int batchSize = 4;

    /** Crop size in pixels (multiple of 32). */
    public int cropPx = 128;

    /** Adam learning rate (paper: 1e-4). */
    public double learningRate = 1e-4;

    /**
     * Final learning rate as a fraction of {@link #learningRate}: cosine decay over the epochs, or
     * over {@link #maxSeconds} when that is set and further spent. 1 = fixed (the paper).
     */
    public double finalLearningRateFraction = 1.0;

    /**
     * Decay per step of the exponential moving average of the weights that is validated and kept
     * ({@code WeightAverage}); 0 = off (the trained weights themselves are validated).
     */
    public double averageDecay = 0;

    /** Loss (paper: L1). */
    public LossKind loss = LossKind.L1;

    /** The network predicts height / heightScaleM. */
    public double heightScaleM = 10.0;

    /** Random seed for weights, crops and augmentation. */
    public long seed = 42;

    /**
     * The flips/transposes drawn at random for each crop (default all eight; {@link
     * DihedralSet#NONE} for none; a subset that keeps the scene's shadow direction, e.g. {@code
     * identity,flip-rows}, where all scenes share one sun direction).
     */
    public DihedralSet augmentation = DihedralSet.D4;

    /**
     * The test-time augmentation written into the model's {@code model.json} as its prediction
     * default (default none; e.g. the training {@link #augmentation}).
     */
    public DihedralSet testTimeAugmentation = DihedralSet.NONE;

    /** Truth above this is a building pixel for the building metrics (metres). */
    public double buildingThresholdM = 0.0;

    /** Stop after this many seconds of training (checked after each epoch; 0 = no limit). */
    public double maxSeconds = 0;

    @Override
    public void validate() {
        Checks.notNull("net", net);
        net.validate();
        Checks.notNull("views", views);
        for (InputView v : views) {
            Checks.notNull("views element", v);
        }
        Checks.inRange("epochs", epochs, 1, 1_000_000);
        Checks.inRange("stepsPerEpoch", stepsPerEpoch, 1, 10_000_000);
        Checks.inRange("batchSize", batchSize, 1, 1024);
        Checks.inRange("cropPx", cropPx, 32, 4096);
        if (cropPx % ConfigHeightNet.SIZE_MULTIPLE_PX != 0) {
            throw new IllegalArgumentException("cropPx must be a multiple of 32, got " + cropPx);
        }
        Checks.inRange("learningRate", learningRate, 1e-9, 1.0);
        Checks.inRange("finalLearningRateFraction", finalLearningRateFraction, 0.0, 1.0);
        dev.surveyor.learn.WeightAverage.checkDecay("averageDecay", averageDecay);
        Checks.notNull("loss", loss);
        Checks.notNull("augmentation", augmentation);
        Checks.notNull("testTimeAugmentation", testTimeAugmentation);
        Checks.positive("heightScaleM", heightScaleM);
        Checks.atLeast("maxSeconds", maxSeconds, 0.0);
    }

    /** A deep copy. */
    public ConfigHeightTraining copy() {
        ConfigHeightTraining c = new ConfigHeightTraining();
        c.net = net.copy();
        c.views = views == null ? null : new java.util.ArrayList<>(views);
        c.epochs = epochs;
        c.stepsPerEpoch = stepsPerEpoch;
        c.batchSize = batchSize;
        c.cropPx = cropPx;
        c.learningRate = learningRate;
        c.finalLearningRateFraction = finalLearningRateFraction;
        c.averageDecay = averageDecay;
        c.loss = loss;
        c.heightScaleM = heightScaleM;
        c.seed = seed;
        c.augmentation = augmentation;
        c.testTimeAugmentation = testTimeAugmentation;
        c.buildingThresholdM = buildingThresholdM;
        c.maxSeconds = maxSeconds;
        return c;
    }
}
