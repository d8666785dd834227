package dev.surveyor.core.util;

import java.io.Serializable;

/**
 * Settings of an algorithm: a mutable class with public, documented fields (units in the names)
 * that is checked by {@link #validate()} before an algorithm copies it into final fields.
 */
public interface Config extends Serializable {
    /**
     * Checks every field.
     *
     * @throws IllegalArgumentException naming the field and its value when one is out of range
     */
    void validate();
}
