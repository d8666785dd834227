package dev.surveyor.insar.stack;

/**
 * One window of every date of a stack, as interferograms against the reference date.
 *
 * <p>Conventions: the window is {@code [x0, x0 + width) x [y0, y0 + height)}, {@code x} = column;
 * pixel {@code (x, y)} of the window is at index {@code i = (y - y0) * width + (x - x0)}. {@code
 * interferogram(q)} holds interleaved float32 (re, im) of {@code SLC_q · conj(SLC_ref)} (for the
 * reference date itself a real, non-negative value); {@code amplitude(q)} the amplitude of date q,
 * or {@code null} when the stack has none for that date. Arrays are owned by this window.
 *
 * @param x0 first column
 * @param y0 first row
 * @param width columns
 * @param height rows
 * @param interferograms per date, {@code 2 * width * height} floats
 * @param amplitudes per date, {@code width * height} floats or {@code null}
 */
public record StackWindow(
        int x0, int y0, int width, int height, float[][] interferograms, float[][] amplitudes) {

    /** Number of dates. */
    public int numDates() {
        return interferograms.length;
    }

    /** Interferogram of date {@code q}, interleaved (re, im). */
    public float[] interferogram(int q) {
        return interferograms[q];
    }

    /** Amplitude of date {@code q}, or {@code null}. */
    public float[] amplitude(int q) {
        return amplitudes[q];
    }
}
