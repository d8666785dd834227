package dev.surveyor.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exponential moving average of a network's parameters (Polyak averaging), the usual way to take
 * the noise of the last optimiser steps out of the weights that are validated and shipped.
 *
 * <p>After every optimiser step, {@link #update} sets {@code a ← d·a + (1 − d)·w} for every
 * parameter {@code w} of the block, batch-norm running means and variances included (they are
 * averaged like weights). The average starts at the parameters the block holds when this object is
 * made (no bias correction: with {@code d = 0.999} the start has weight {@code 0.999^n} after
 * {@code n} steps). {@link #withAverage} runs code (validation, saving) with the averaged values in
 * the block and puts the trained values back afterwards.
 *
 * <p>Parameters are matched by their names in the block. Not thread-safe; call between steps.
 */
public final class WeightAverage implements AutoCloseable {
    private final double decay;
    private final NDManager manager;
    private final Map<String, NDArray> average = new LinkedHashMap<>();

    /**
     * Starts the average at the block's current (initialised) parameters.
     *
     * @param block the network, initialised
     * @param decay the weight {@code d} of the old average per step, in [0, 1)
     */
    public WeightAverage(Block block, double decay) {
        this.decay = checkDecay("weight-average decay", decay);
        this.manager = NDManager.newBaseManager();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray w = p.getValue().getArray();
            NDArray a = manager.create(w.toFloatArray(), w.getShape());
            average.put(p.getKey(), a);
        }
    }

    /**
     * The weight average of a training run, or null when {@code decay} is 0 (off): continued from
     * {@code saved} when that file exists (a resumed run), else started at the block's parameters.
     *
     * @param saved a file written by {@link #save}, or null (a fresh run)
     */
    public static WeightAverage start(Block block, double decay, Path saved) throws IOException {
        if (decay <= 0) {
            return null;
        }
        WeightAverage average = new WeightAverage(block, decay);
        if (saved != null && java.nio.file.Files.isRegularFile(saved)) {
            average.load(saved);
        }
        return average;
    }

    /**
     * Checks a decay per step: in [0, 1) (0 = no averaging when a config uses it as "off").
     *
     * @param name what the value is, for the message
     * @return {@code decay}
     * @throws IllegalArgumentException "NAME VALUE not in [0, 1)"
     */
    public static double checkDecay(String name, double decay) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException(name + " " + decay + " not in [0, 1)");
        }
        return decay;
    }

    /** The decay per step. */
    public double decay() {
        return decay;
    }

    /** Code run with the averaged parameters in the block. */
    @FunctionalInterface
    public interface Action<T> {
        /** Runs. */
        T run() throws IOException;
    }

    /** Moves the average one step towards the block's current parameters. */
    public void update(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = average.get(p.getKey());
            if (a == null) {
                continue;
            }
            try (NDArray step = p.getValue().getArray().mul(1 - decay)) {
                a.muli(decay).addi(step);
            }
        }
    }

    /**
     * Runs {@code action} with the averaged parameters in the block, then restores the trained ones
     * (also when the action throws).
     */
    public <T> T withAverage(Block block, Action<T> action) throws IOException {
        Map<String, float[]> trained = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = average.get(p.getKey());
            if (a != null) {
                NDArray w = p.getValue().getArray();
                trained.put(p.getKey(), w.toFloatArray());
                w.set(a.toFloatArray());
            }
        }
        try {
            return action.run();
        } finally {
            for (Pair<String, Parameter> p : block.getParameters()) {
                float[] t = trained.get(p.getKey());
                if (t != null) {
                    p.getValue().getArray().set(t);
                }
            }
        }
    }

    /**
     * Writes the average (a DJL {@link NDList} of the arrays named as the block's parameters),
     * atomically.
     */
    public void save(Path file) throws IOException {
        NDList out = new NDList();
        for (Map.Entry<String, NDArray> e : average.entrySet()) {
            NDArray a = e.getValue().duplicate();
            a.setName(e.getKey());
            out.add(a);
        }
        NdListFiles.write(out, file);
    }

    /**
     * Replaces the average with one written by {@link #save} (resume); arrays of other names or
     * shapes are skipped.
     *
     * @return the number of parameters restored
     */
    public int load(Path file) throws IOException {
        int n = 0;
        try (NDManager tmp = NDManager.newBaseManager()) {
            NDList in = NdListFiles.read(tmp, file, "a weight-average file");
            for (NDArray a : in) {
                NDArray target = average.get(a.getName());
                if (target != null && target.getShape().equals(a.getShape())) {
                    target.set(a.toFloatArray());
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public void close() {
        manager.close();
    }
}
