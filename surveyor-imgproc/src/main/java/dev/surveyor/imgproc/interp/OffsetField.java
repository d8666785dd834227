package dev.surveyor.imgproc.interp;

/**
 * Where each output pixel is taken from: output pixel {@code (x, y)} takes the source value at
 * {@code (x + dxPx(x, y), y + dyPx(x, y))} (pixel-centre coordinates, {@code x} = column). For
 * co-registration the offset is "secondary position minus reference position".
 *
 * <p>Implementations must be thread-safe (the resampler calls them from several threads).
 */
public interface OffsetField {
    /** Column offset at output pixel {@code (x, y)}, pixels. */
    double dxPx(double x, double y);

    /** Row offset at output pixel {@code (x, y)}, pixels. */
    double dyPx(double x, double y);

    /** A constant offset. */
    static OffsetField constant(double dxPx, double dyPx) {
        return new OffsetField() {
            @Override
            public double dxPx(double x, double y) {
                return dxPx;
            }

            @Override
            public double dyPx(double x, double y) {
                return dyPx;
            }
        };
    }
}
