package dev.surveyor.core.tile;

/**
 * A point detection (e.g. a crater) in scene pixel coordinates.
 *
 * <p>Coordinates are continuous and corner-based: {@code (0, 0)} is the top-left corner of the
 * scene and the centre of pixel {@code (i, j)} is {@code (i + 0.5, j + 0.5)}; {@code x} is the
 * column direction.
 *
 * @param xPx centre x (column direction), pixels
 * @param yPx centre y (row direction), pixels
 * @param sizePx size (e.g. diameter), pixels, {@code >= 0}
 * @param score confidence; higher is better
 */
public record Detection(double xPx, double yPx, double sizePx, double score) {
    public Detection {
        if (!Double.isFinite(xPx) || !Double.isFinite(yPx)) {
            throw new IllegalArgumentException(
                    "detection centre must be finite, got (" + xPx + ", " + yPx + ")");
        }
        if (!(sizePx >= 0) || Double.isInfinite(sizePx)) {
            throw new IllegalArgumentException("sizePx must be finite and >= 0, got " + sizePx);
        }
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score must not be NaN");
        }
    }

    /** The same detection moved by {@code (dx, dy)} pixels, e.g. from tile to scene coordinates. */
    public Detection translate(double dx, double dy) {
        return new Detection(xPx + dx, yPx + dy, sizePx, score);
    }
}
