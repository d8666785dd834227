package dev.surveyor.spark;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Objects kept per executor thread between tasks, such as a loaded network: Spark runs one task per
 * thread at a time and reuses its threads, so a per-thread object needs no locking even when it is
 * not thread-safe. Objects live until the thread ends (the executor exits); they are not closed.
 */
public final class ExecutorCache {
    private static final ThreadLocal<Map<String, Object>> CACHE =
            ThreadLocal.withInitial(HashMap::new);

    private ExecutorCache() {}

    /**
     * The calling thread's object for a key, created on first use.
     *
     * @param key identifies the object (e.g. the model directory)
     * @param type its class
     * @param factory creates it
     */
    public static <T> T perThread(String key, Class<T> type, Callable<T> factory) throws Exception {
        Map<String, Object> m = CACHE.get();
        Object o = m.get(key);
        if (o == null) {
            o = factory.call();
            m.put(key, o);
        }
        return type.cast(o);
    }
}
