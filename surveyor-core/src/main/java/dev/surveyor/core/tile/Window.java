package dev.surveyor.core.tile;

/**
 * A rectangle of pixels, half-open: columns {@code x0 <= x < x1}, rows {@code y0 <= y < y1}. An
 * empty window has {@code x1 == x0} or {@code y1 == y0}. Coordinates may be negative or beyond a
 * scene (e.g. before {@link #clip}).
 *
 * @param x0 first column
 * @param y0 first row
 * @param x1 one past the last column
 * @param y1 one past the last row
 */
public record Window(int x0, int y0, int x1, int y1) {
    public Window {
        if (x1 < x0 || y1 < y0) {
            throw new IllegalArgumentException(
                    "window must have x1 >= x0 and y1 >= y0, got ["
                            + x0
                            + ", "
                            + x1
                            + ") x ["
                            + y0
                            + ", "
                            + y1
                            + ")");
        }
    }

    /** The window {@code [x0, x0 + width) x [y0, y0 + height)}. */
    public static Window of(int x0, int y0, int width, int height) {
        return new Window(x0, y0, x0 + width, y0 + height);
    }

    /** The window of a whole {@code width x height} scene. */
    public static Window ofSize(int width, int height) {
        return new Window(0, 0, width, height);
    }

    public int width() {
        return x1 - x0;
    }

    public int height() {
        return y1 - y0;
    }

    /** Number of pixels. */
    public long area() {
        return (long) width() * height();
    }

    public boolean isEmpty() {
        return x1 == x0 || y1 == y0;
    }

    /** Whether pixel {@code (x, y)} is inside. */
    public boolean contains(int x, int y) {
        return x >= x0 && x < x1 && y >= y0 && y < y1;
    }

    /**
     * Whether the continuous point {@code (x, y)} (corner-based: pixel {@code (i, j)} spans {@code
     * [i, i + 1) x [j, j + 1)}) is inside: {@code x0 <= x < x1 && y0 <= y < y1}. A point on a
     * shared edge therefore belongs to exactly one of two adjacent windows.
     */
    public boolean contains(double x, double y) {
        return x >= x0 && x < x1 && y >= y0 && y < y1;
    }

    /** Whether every pixel of {@code other} is inside this window (an empty window always is). */
    public boolean contains(Window other) {
        return other.isEmpty()
                || (other.x0 >= x0 && other.x1 <= x1 && other.y0 >= y0 && other.y1 <= y1);
    }

    /** Whether the two windows share at least one pixel. */
    public boolean intersects(Window other) {
        return !intersection(other).isEmpty();
    }

    /**
     * The pixels in both windows; an empty window (at the clamped corner) when they do not overlap.
     */
    public Window intersection(Window other) {
        int ax = Math.max(x0, other.x0);
        int ay = Math.max(y0, other.y0);
        int bx = Math.min(x1, other.x1);
        int by = Math.min(y1, other.y1);
        return new Window(ax, ay, Math.max(ax, bx), Math.max(ay, by));
    }

    /** This window clipped to a {@code width x height} scene {@code [0, width) x [0, height)}. */
    public Window clip(int width, int height) {
        return intersection(ofSize(width, height));
    }

    /** This window moved by {@code (dx, dy)}. */
    public Window translate(int dx, int dy) {
        return new Window(x0 + dx, y0 + dy, x1 + dx, y1 + dy);
    }

    /** This window grown by {@code halo} pixels on every side (not clipped). */
    public Window expand(int halo) {
        if (halo < 0 && (2 * -halo > width() || 2 * -halo > height())) {
            throw new IllegalArgumentException("cannot shrink " + this + " by " + -halo);
        }
        return new Window(x0 - halo, y0 - halo, x1 + halo, y1 + halo);
    }

    @Override
    public String toString() {
        return "[" + x0 + ", " + x1 + ") x [" + y0 + ", " + y1 + ")";
    }
}
