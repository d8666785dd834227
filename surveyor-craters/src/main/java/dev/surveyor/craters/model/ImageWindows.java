package dev.surveyor.craters.model;

import java.io.IOException;

/** A grey image read window by window (so mosaics need not fit in memory). */
public interface ImageWindows {
    /** Columns. */
    int width();

    /** Rows. */
    int height();

    /**
     * Reads raw grey values of {@code [x0, x0 + w) x [y0, y0 + h)}, which lies inside the image,
     * into {@code out} row-major ({@code w*h}). No-data samples should be NaN.
     */
    void read(int x0, int y0, int w, int h, float[] out) throws IOException;

    /** Windows over an in-memory image. */
    static ImageWindows of(GrayImage im) {
        return new ImageWindows() {
            @Override
            public int width() {
                return im.width();
            }

            @Override
            public int height() {
                return im.height();
            }

            @Override
            public void read(int x0, int y0, int w, int h, float[] out) {
                for (int y = 0; y < h; y++) {
                    System.arraycopy(im.data(), (y0 + y) * im.width() + x0, out, y * w, w);
                }
            }
        };
    }
}
