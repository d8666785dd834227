package dev.surveyor.spark;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns Spark's job failures back into the exceptions the tasks threw, for the CLI's exit codes.
 */
public final class SparkFailures {
    private SparkFailures() {}

    /**
     * The exception to rethrow for a failed job: a task's {@code IllegalArgumentException} (bad
     * input, exit code 2) is rethrown as it is, a task's IOException likewise (through the return
     * value); anything else becomes an IOException with Spark's message, which names the failing
     * task's exception.
     */
    public static IOException unwrap(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException iae) {
                throw iae;
            }
            if (t instanceof UncheckedIOException u) {
                return u.getCause();
            }
            if (t instanceof IOException io) {
                return io;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (e.getClass().getName().startsWith("org.apache.spark")) {
            return new IOException("Spark job failed: " + firstLine(e.getMessage()), e);
        }
        if (e instanceof RuntimeException re) {
            throw re;
        }
        return new IOException(e.getMessage(), e);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
