package dev.surveyor.report.plot;

/**
 * One named series of a chart: {@code x[i], y[i]} pairs in the axes' units. Non-finite pairs are
 * dropped when drawn.
 *
 * @param name legend name
 * @param x abscissae
 * @param y ordinates, same length as {@code x}
 * @param style how the series is drawn
 */
public record Series(String name, double[] x, double[] y, Style style) {
    /** How a series is drawn. */
    public enum Style {
        LINE,
        SCATTER,
        LINE_AND_MARKERS,
        AREA
    }

    public Series {
        if (name == null || x == null || y == null || style == null) {
            throw new IllegalArgumentException("series name, x, y and style must not be null");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "series " + name + ": x has " + x.length + " values but y has " + y.length);
        }
    }

    /** A line series. */
    public static Series line(String name, double[] x, double[] y) {
        return new Series(name, x, y, Style.LINE);
    }

    /** A scatter series. */
    public static Series scatter(String name, double[] x, double[] y) {
        return new Series(name, x, y, Style.SCATTER);
    }
}
