package dev.surveyor.imgproc.spectral;

import dev.surveyor.core.raster.RasterC64;

/**
 * Estimates the spectral centroid (carrier) of a complex image per axis from the phase of its
 * lag-one autocorrelation (the "correlation Doppler estimator" of Madsen 1989): {@code f_x =
 * arg(sum z(x+1, y) conj z(x, y)) / (2 pi)} in cycles per pixel, in (-0.5, 0.5]. For an SLC, the
 * azimuth carrier is the Doppler centroid divided by the PRF. NaN pixels are skipped.
 */
public final class CarrierEstimator {
    private CarrierEstimator() {}

    /**
     * @param z (Input) complex image. Not modified.
     * @return {@code {f_x, f_y}} in cycles per pixel
     */
    public static double[] estimate(RasterC64 z) {
        double rxRe = 0;
        double rxIm = 0;
        double ryRe = 0;
        double ryIm = 0;
        for (int y = 0; y < z.height(); y++) {
            for (int x = 0; x < z.width(); x++) {
                float ar = z.unsafeGetRe(x, y);
                float ai = z.unsafeGetIm(x, y);
                if (x + 1 < z.width()) {
                    float br = z.unsafeGetRe(x + 1, y);
                    float bi = z.unsafeGetIm(x + 1, y);
                    double re = (double) br * ar + (double) bi * ai;
                    double im = (double) bi * ar - (double) br * ai;
                    if (!Double.isNaN(re) && !Double.isNaN(im)) {
                        rxRe += re;
                        rxIm += im;
                    }
                }
                if (y + 1 < z.height()) {
                    float br = z.unsafeGetRe(x, y + 1);
                    float bi = z.unsafeGetIm(x, y + 1);
                    double re = (double) br * ar + (double) bi * ai;
                    double im = (double) bi * ar - (double) br * ai;
                    if (!Double.isNaN(re) && !Double.isNaN(im)) {
                        ryRe += re;
                        ryIm += im;
                    }
                }
            }
        }
        return new double[] {
            Math.atan2(rxIm, rxRe) / (2 * Math.PI), Math.atan2(ryIm, ryRe) / (2 * Math.PI)
        };
    }
}
