package dev.surveyor.imgproc.interp;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.RasterF32;
import java.util.stream.IntStream;

/**
 * Resamples a raster through an {@link OffsetField} with a separable {@link InterpolationKernel}.
 *
 * <p>Output pixel {@code (x, y)} = {@code sum_jk wy_j wx_k src(ix + k, iy + j)} around the source
 * position {@code (x + dx, y + dy)}. Complex rasters are interpolated separately in their real and
 * imaginary parts. An output pixel whose kernel footprint is not entirely inside the source, or
 * touches a NaN, is NaN (no-data). Rows are processed in parallel (common fork-join pool);
 * instances are immutable and thread-safe.
 */
public final class ComplexResampler {
    private final InterpolationKernel kernel;

    /** A resampler with the given kernel. */
    public ComplexResampler(InterpolationKernel kernel) {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel must not be null");
        }
        this.kernel = kernel;
    }

    /** The kernel. */
    public InterpolationKernel kernel() {
        return kernel;
    }

    /**
     * Resamples a complex raster.
     *
     * @param src (Input) source raster. Not modified.
     * @param outWidth output columns
     * @param outHeight output rows
     * @param field offset of the source position from the output position
     * @return a new {@code outWidth x outHeight} raster
     */
    public RasterC64 resample(RasterC64 src, int outWidth, int outHeight, OffsetField field) {
        return resample(src, outWidth, outHeight, field, 0, 0);
    }

    /**
     * Resamples a complex raster whose spectrum is centred at a carrier ({@code carrierX, carrierY}
     * cycles per pixel, e.g. the azimuth Doppler centroid over the PRF of a TOPS SLC, from {@link
     * dev.surveyor.imgproc.spectral.CarrierEstimator}). The kernel is modulated to the carrier
     * ({@code w(d) exp(-2 pi i f d)} for a tap at {@code d} = tap minus position), which is the
     * same as demodulating, interpolating and remodulating; the carrier is kept in the output.
     *
     * @param src (Input) source raster. Not modified.
     */
    public RasterC64 resample(
            RasterC64 src,
            int outWidth,
            int outHeight,
            OffsetField field,
            double carrierX,
            double carrierY) {
        if (carrierX != 0 || carrierY != 0) {
            return resampleCarrier(src, outWidth, outHeight, field, carrierX, carrierY);
        }
        RasterC64 out = new RasterC64(outWidth, outHeight);
        int taps = kernel.taps();
        int half = taps / 2;
        float[] s = src.data();
        float[] o = out.data();
        int w = src.width();
        int h = src.height();
        IntStream.range(0, outHeight)
                .parallel()
                .forEach(
                        y -> {
                            for (int x = 0; x < outWidth; x++) {
                                double px = x + field.dxPx(x, y);
                                double py = y + field.dyPx(x, y);
                                int oi = 2 * out.index(x, y);
                                double fx0 = Math.floor(px);
                                double fy0 = Math.floor(py);
                                int ix = (int) fx0 - half + 1;
                                int iy = (int) fy0 - half + 1;
                                if (!(ix >= 0 && iy >= 0 && ix + taps <= w && iy + taps <= h)) {
                                    o[oi] = Float.NaN;
                                    o[oi + 1] = Float.NaN;
                                    continue;
                                }
                                int rx = kernel.tableRow(px - fx0);
                                int ry = kernel.tableRow(py - fy0);
                                double re = 0;
                                double im = 0;
                                for (int j = 0; j < taps; j++) {
                                    int si = 2 * src.index(ix, iy + j);
                                    double rowRe = 0;
                                    double rowIm = 0;
                                    for (int k = 0; k < taps; k++) {
                                        float wk = kernel.weight(rx, k);
                                        rowRe += wk * s[si + 2 * k];
                                        rowIm += wk * s[si + 2 * k + 1];
                                    }
                                    float wj = kernel.weight(ry, j);
                                    re += wj * rowRe;
                                    im += wj * rowIm;
                                }
                                o[oi] = (float) re;
                                o[oi + 1] = (float) im;
                            }
                        });
        return out;
    }

    private RasterC64 resampleCarrier(
            RasterC64 src, int outWidth, int outHeight, OffsetField field, double fx, double fy) {
        RasterC64 out = new RasterC64(outWidth, outHeight);
        int taps = kernel.taps();
        int half = taps / 2;
        float[] s = src.data();
        float[] o = out.data();
        int w = src.width();
        int h = src.height();
        // tap k sits at d_k = (i0 + k) - p from the position p: weight w_k exp(-2 pi i f d_k)
        double[] exRe = new double[taps];
        double[] exIm = new double[taps];
        double[] eyRe = new double[taps];
        double[] eyIm = new double[taps];
        for (int k = 0; k < taps; k++) {
            exRe[k] = Math.cos(2 * Math.PI * fx * k);
            exIm[k] = -Math.sin(2 * Math.PI * fx * k);
            eyRe[k] = Math.cos(2 * Math.PI * fy * k);
            eyIm[k] = -Math.sin(2 * Math.PI * fy * k);
        }
        IntStream.range(0, outHeight)
                .parallel()
                .forEach(
                        y -> {
                            double[] wxRe = new double[taps];
                            double[] wxIm = new double[taps];
                            for (int x = 0; x < outWidth; x++) {
                                double px = x + field.dxPx(x, y);
                                double py = y + field.dyPx(x, y);
                                int oi = 2 * out.index(x, y);
                                double fx0 = Math.floor(px);
                                double fy0 = Math.floor(py);
                                int ix = (int) fx0 - half + 1;
                                int iy = (int) fy0 - half + 1;
                                if (!(ix >= 0 && iy >= 0 && ix + taps <= w && iy + taps <= h)) {
                                    o[oi] = Float.NaN;
                                    o[oi + 1] = Float.NaN;
                                    continue;
                                }
                                int rx = kernel.tableRow(px - fx0);
                                int ry = kernel.tableRow(py - fy0);
                                double ax = 2 * Math.PI * fx * (ix - px);
                                double cxr = Math.cos(ax);
                                double cxi = -Math.sin(ax);
                                for (int k = 0; k < taps; k++) {
                                    double wk = kernel.weight(rx, k);
                                    wxRe[k] = wk * (cxr * exRe[k] - cxi * exIm[k]);
                                    wxIm[k] = wk * (cxr * exIm[k] + cxi * exRe[k]);
                                }
                                double ay = 2 * Math.PI * fy * (iy - py);
                                double cyr = Math.cos(ay);
                                double cyi = -Math.sin(ay);
                                double re = 0;
                                double im = 0;
                                for (int j = 0; j < taps; j++) {
                                    int si = 2 * src.index(ix, iy + j);
                                    double rowRe = 0;
                                    double rowIm = 0;
                                    for (int k = 0; k < taps; k++) {
                                        double sr = s[si + 2 * k];
                                        double sim = s[si + 2 * k + 1];
                                        rowRe += wxRe[k] * sr - wxIm[k] * sim;
                                        rowIm += wxRe[k] * sim + wxIm[k] * sr;
                                    }
                                    double wj = kernel.weight(ry, j);
                                    double wjRe = wj * (cyr * eyRe[j] - cyi * eyIm[j]);
                                    double wjIm = wj * (cyr * eyIm[j] + cyi * eyRe[j]);
                                    re += wjRe * rowRe - wjIm * rowIm;
                                    im += wjRe * rowIm + wjIm * rowRe;
                                }
                                o[oi] = (float) re;
                                o[oi + 1] = (float) im;
                            }
                        });
        return out;
    }

    /**
     * Resamples a real raster (e.g. amplitude or height); same rules as the complex version.
     *
     * @param src (Input) source raster. Not modified.
     */
    public RasterF32 resample(RasterF32 src, int outWidth, int outHeight, OffsetField field) {
        RasterF32 out = new RasterF32(outWidth, outHeight);
        int taps = kernel.taps();
        int half = taps / 2;
        float[] s = src.data();
        int w = src.width();
        int h = src.height();
        IntStream.range(0, outHeight)
                .parallel()
                .forEach(
                        y -> {
                            for (int x = 0; x < outWidth; x++) {
                                double px = x + field.dxPx(x, y);
                                double py = y + field.dyPx(x, y);
                                double fx0 = Math.floor(px);
                                double fy0 = Math.floor(py);
                                int ix = (int) fx0 - half + 1;
                                int iy = (int) fy0 - half + 1;
                                if (!(ix >= 0 && iy >= 0 && ix + taps <= w && iy + taps <= h)) {
                                    out.unsafeSet(x, y, Float.NaN);
                                    continue;
                                }
                                int rx = kernel.tableRow(px - fx0);
                                int ry = kernel.tableRow(py - fy0);
                                double v = 0;
                                for (int j = 0; j < taps; j++) {
                                    int si = src.index(ix, iy + j);
                                    double row = 0;
                                    for (int k = 0; k < taps; k++) {
                                        row += kernel.weight(rx, k) * s[si + k];
                                    }
                                    v += kernel.weight(ry, j) * row;
                                }
                                out.unsafeSet(x, y, (float) v);
                            }
                        });
        return out;
    }
}
