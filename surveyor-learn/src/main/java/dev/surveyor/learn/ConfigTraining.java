package dev.surveyor.learn;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;

/** Settings of {@link TrainingLoop}. */
public class ConfigTraining implements Config {
    private static final long serialVersionUID = 1L;

    /** Total epochs (frozen + unfrozen). */
    public int epochs = 100;

    /** First epochs during which the freezable part (the backbone) is frozen; 0 = never. */
    public int freezeEpochs = 0;

    /** Adam learning rate at the start. */
    public double learningRate = 1e-3;

    /** Final learning rate as a fraction of the start (cosine decay over the epochs); 1 = fixed. */
    public double finalLearningRateFraction = 0.05;

    /** Adam weight decay (L2), 0 = none. */
    public double weightDecay = 0;

    /** Gradient clipping (absolute value per element), 0 = none. */
    public double clipGradient = 0;

    /**
     * Decay per step of the exponential moving average of the weights ({@link WeightAverage}) that
     * is validated and kept as {@code best.params}; 0 = off.
     */
    public double averageDecay = 0;

    /** Seed of the engine and the data sampling. */
    public long seed = 42;

    /** Intra-op threads of the engine, 0 = engine default. */
    public int threads = 1;

    /** Continue from {@code last.params} and {@code train-state.json} when present. */
    public boolean resume = false;

    /** Wall-clock budget in minutes after which training stops at the end of an epoch; 0 = none. */
    public double maxMinutes = 0;

    @Override
    public void validate() {
        Checks.positive("epochs", epochs);
        Checks.inRange("freezeEpochs", freezeEpochs, 0, epochs);
        Checks.positive("learningRate", learningRate);
        Checks.inRange("finalLearningRateFraction", finalLearningRateFraction, 0.0, 1.0);
        Checks.atLeast("weightDecay", weightDecay, 0.0);
        Checks.atLeast("clipGradient", clipGradient, 0.0);
        Checks.atLeast("threads", threads, 0);
        WeightAverage.checkDecay("averageDecay", averageDecay);
        Checks.atLeast("maxMinutes", maxMinutes, 0.0);
    }

    /** A copy. */
    public ConfigTraining copy() {
        ConfigTraining c = new ConfigTraining();
        c.epochs = epochs;
        c.freezeEpochs = freezeEpochs;
        c.learningRate = learningRate;
        c.finalLearningRateFraction = finalLearningRateFraction;
        c.weightDecay = weightDecay;
        c.clipGradient = clipGradient;
        c.averageDecay = averageDecay;
        c.seed = seed;
        c.threads = threads;
        c.resume = resume;
        c.maxMinutes = maxMinutes;
        return c;
    }

    /** Learning rate of an epoch (0-based): cosine from the start value to the final fraction. */
    public double learningRate(int epoch) {
        return learningRate(epoch, 0);
    }

    /**
     * Learning rate of an epoch when {@code elapsedMinutes} of training have passed: the cosine
     * follows whichever budget is further spent, the epochs or {@link #maxMinutes} (when set).
     */
    public double learningRate(int epoch, double elapsedMinutes) {
        return cosine(
                learningRate,
                finalLearningRateFraction,
                epoch,
                epochs,
                maxMinutes > 0 ? elapsedMinutes / maxMinutes : 0);
    }

    /**
     * Cosine decay from {@code start} to {@code start * finalFraction}, following whichever is
     * further spent: the epochs ({@code epoch} 0-based of {@code epochs}) or a time budget ({@code
     * budgetFraction}, the fraction of it spent; 0 when there is none).
     */
    public static double cosine(
            double start, double finalFraction, int epoch, int epochs, double budgetFraction) {
        double t = epochs <= 1 ? 0 : epoch / (double) (epochs - 1);
        t = Math.max(0, Math.min(1.0, Math.max(t, budgetFraction)));
        return start * (finalFraction + (1 - finalFraction) * 0.5 * (1 + Math.cos(Math.PI * t)));
    }
}
