package dev.surveyor.learn;

import ai.djl.engine.Engine;
import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.surveyor.core.util.Checks;

/**
 * Starts the DJL PyTorch engine with explicit thread counts and seeds.
 *
 * <p>Thread counts must be set before the engine first loads (they are read from the system
 * properties {@code ai.djl.pytorch.num_threads} and {@code ai.djl.pytorch.num_interop_threads});
 * later calls cannot change them and are ignored. {@code ai.djl.offline=true} is always set so the
 * engine never goes online.
 *
 * <p>OpenMP wait policy: libtorch's intra-op threads come from GNU OpenMP, whose idle threads by
 * default spin for a while after every parallel region. On a machine with more runnable threads
 * than cores (our 2-core build machines under builds and trainings) a spinning thread takes the
 * core from the one holding the work, and every operator waits for a descheduled thread: measured
 * with the shipped crater network, 2 threads, load average ~10, a forward pass took 3.4 s with the
 * default policy and 0.32 s with {@code OMP_WAIT_POLICY=PASSIVE} (the same in python3-torch). So
 * before the engine loads, {@link #start} sets {@code OMP_WAIT_POLICY=PASSIVE} in the process
 * environment (libgomp reads it when it is loaded), unless the variable is already set: export
 * {@code OMP_WAIT_POLICY=ACTIVE} to keep spinning on a dedicated machine.
 */
public final class LearnEngine {
    /** The wait policy set when the environment has none. */
    public static final String DEFAULT_OMP_WAIT_POLICY = "PASSIVE";

    private LearnEngine() {}

    /** libc's {@code setenv}, to reach the native environment that libgomp reads. */
    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

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
        setOmpWaitPolicy();
        return Engine.getEngine("PyTorch");
    }

    /**
     * The OpenMP wait policy the engine runs with: the environment's {@code OMP_WAIT_POLICY}, else
     * {@link #DEFAULT_OMP_WAIT_POLICY} (set by {@link #start}).
     */
    public static String ompWaitPolicy() {
        String env = System.getenv("OMP_WAIT_POLICY");
        return env != null ? env : DEFAULT_OMP_WAIT_POLICY;
    }

    private static boolean policySet;

    private static void setOmpWaitPolicy() {
        if (policySet || System.getenv("OMP_WAIT_POLICY") != null) {
            return;
        }
        policySet = true;
        try {
            // overwrite = 0: a value set natively by someone else stays
            Native.load("c", LibC.class).setenv("OMP_WAIT_POLICY", DEFAULT_OMP_WAIT_POLICY, 0);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // no libc through JNA (not Linux/glibc): the engine keeps OpenMP's default policy
        }
    }

    /** Sets the engine's random seed (initialisers, dropout). */
    public static void seed(long seed) {
        start(0).setRandomSeed((int) seed);
    }
}
