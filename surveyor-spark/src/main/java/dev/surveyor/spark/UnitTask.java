package dev.surveyor.spark;

import java.io.Serializable;

/**
 * The work done for one unit on an executor. Implementations are shipped to executors by Java
 * serialization: capture only serializable values (configs, paths as strings, windows), never open
 * files or large arrays; open inputs inside {@link #process}.
 *
 * @param <U> the work unit (e.g. a block window)
 * @param <R> the result of one unit
 */
@FunctionalInterface
public interface UnitTask<U extends Serializable, R extends Serializable> extends Serializable {
    /**
     * Processes one unit.
     *
     * @param unit (Input) the unit. Not modified.
     * @return the unit's result, shipped back to the driver (keep it small) or written by the task
     */
    R process(U unit) throws Exception;
}
