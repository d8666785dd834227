package dev.surveyor.learn;

import ai.djl.engine.Engine;
import dev.surveyor.core.util.Checks;

/**
 * Starts the DJL PyTorch engine with explicit thread counts and seeds.
 *
 * <p>Thread counts must be set before the engine first loads (they are read from the system
 * properties {@code ai.djl.pytorch.num_threads} and {@code ai.djl.pytorch.num_interop_threads});
 * later calls cannot change them and are ignored. {@code ai.djl.offline=true} is always set so the
 * engine never goes online.
 */
public final class LearnEngine {
    private LearnEngine() {}

    /**
     * Configures threads (0 = leave the engine's default) and returns the engine.
     *
     * @param intraOpThreads threads inside one operator, 0 for default
     */
    public static synchronized Engine start(int intraOpThreads) {
        Checks.atLeast("intraOpThreads", intraOpThreads, 0);
        System.setProperty("ai.djl.offline", "true");
        if (intraOpThreads > 0 && System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(intraOpThreads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        return Engine.getEngine("PyTorch");
    }

    /** Sets the engine's random seed (initialisers, dropout). */
    public static void seed(long seed) {
        start(0).setRandomSeed((int) seed);
    }
}
