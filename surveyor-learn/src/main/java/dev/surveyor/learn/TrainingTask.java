package dev.surveyor.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.util.Map;
import java.util.Random;

/** What {@link TrainingLoop} needs from a feature module: data, loss and validation. */
public interface TrainingTask {
    /** One batch: network inputs and the labels the loss compares predictions with. */
    record Batch(NDList inputs, NDList labels) {}

    /** Shape of one input batch, used to initialise the network. */
    Shape inputShape();

    /** Number of batches in an epoch. */
    int batchesPerEpoch();

    /**
     * Makes a batch (augmentation included).
     *
     * @param manager manager the arrays belong to (closed after the step)
     * @param random the loop's seeded generator
     */
    Batch nextBatch(NDManager manager, Random random);

    /** The scalar loss of a batch. */
    NDArray loss(NDList predictions, NDList labels);

    /**
     * Validation metrics of the current parameters (inference mode); the key {@code "score"},
     * higher is better, selects the best model. Other keys are reported and stored.
     */
    Map<String, Double> validate(Block block, NDManager manager) throws IOException;
}
