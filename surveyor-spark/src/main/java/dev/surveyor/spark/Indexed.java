package dev.surveyor.spark;

import java.io.Serializable;

/**
 * A value with the index of the work unit it belongs to; results are ordered by this index.
 *
 * @param index position of the unit in the list given to {@link SparkEngine}, from 0
 * @param value the unit or its result
 * @param <T> the value type
 */
public record Indexed<T extends Serializable>(int index, T value) implements Serializable {
    private static final long serialVersionUID = 1L;
}
