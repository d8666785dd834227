package dev.surveyor.report.plot;

import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterDataset;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Renders rasters to images with a colour scale, overlays points and draws colour bars.
 *
 * <p>Large rasters are reduced by an integer factor {@code f = ceil(max(width, height) /
 * maxSidePx)}: output pixel {@code (i, j)} is the mean of the valid input pixels in {@code [f i, f
 * i + f) x [f j, f j + f)}, so output pixel corners sit on input pixel corners and an input
 * position {@code x} (corner convention, in pixels) is at {@code x / f} in the output. No-data and
 * NaN pixels are transparent.
 */
public final class RasterRenderer {
    private RasterRenderer() {}

    /** The reduction factor for a {@code width x height} raster drawn at most {@code maxSidePx}. */
    public static int reductionFactor(int width, int height, int maxSidePx) {
        if (maxSidePx <= 0) {
            throw new IllegalArgumentException("maxSidePx must be positive, got " + maxSidePx);
        }
        return Math.max(1, (int) Math.ceil(Math.max(width, height) / (double) maxSidePx));
    }

    /**
     * Renders one band with a colour scale.
     *
     * @param band (Input) the band. Not modified.
     * @param noData value treated as missing (NaN always is); pass NaN when there is none
     * @param scale colours and limits
     * @param maxSidePx largest side of the output in pixels
     */
    public static BufferedImage render(
            Raster band, double noData, ColorScale scale, int maxSidePx) {
        int f = reductionFactor(band.width(), band.height(), maxSidePx);
        float[] v = reduce(band, noData, f);
        int w = ceilDiv(band.width(), f);
        int h = ceilDiv(band.height(), f);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = scale.argb(v[i]);
        }
        img.setRGB(0, 0, w, h, argb, 0, w);
        return img;
    }

    /**
     * Renders an optical image for display: one band as gray, three or more bands as RGB from the
     * first three, each band stretched between its 2 and 98 % percentiles. No-data is black.
     *
     * @param image (Input) the image. Not modified.
     * @param maxSidePx largest side of the output in pixels
     */
    public static BufferedImage renderImage(RasterDataset image, int maxSidePx) {
        return renderImage(image, maxSidePx, 2, 98, new int[] {0, 1, 2});
    }

    /**
     * Renders an optical image for display: one band as gray, or bands {@code rgbBands} (0-based)
     * as red, green and blue when the image has enough bands; each band stretched between its
     * {@code loPct} and {@code hiPct} percentiles. No-data is black.
     */
    public static BufferedImage renderImage(
            RasterDataset image, int maxSidePx, double loPct, double hiPct, int[] rgbBands) {
        if (rgbBands.length != 3) {
            throw new IllegalArgumentException(
                    "rgbBands needs 3 band indices, got " + rgbBands.length);
        }
        boolean rgb = true;
        for (int b : rgbBands) {
            rgb &= b >= 0 && b < image.numBands();
        }
        double nd = image.noData().isPresent() ? image.noData().getAsDouble() : Double.NaN;
        int f = reductionFactor(image.width(), image.height(), maxSidePx);
        int w = ceilDiv(image.width(), f);
        int h = ceilDiv(image.height(), f);
        int nb = image.numBands() >= 3 && rgb ? 3 : 1;
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000;
        }
        for (int b = 0; b < nb; b++) {
            Raster band = image.band(nb == 1 ? 0 : rgbBands[b]);
            ColorScale s =
                    ColorScale.percentile(
                            ColorMap.GRAY, ColorScale.sample(band, nd, 1 << 20), loPct, hiPct, "");
            float[] v = reduce(band, nd, f);
            for (int i = 0; i < argb.length; i++) {
                int g = Float.isNaN(v[i]) ? 0 : (int) Math.round(255 * s.position(v[i]));
                if (nb == 1) {
                    argb[i] = 0xff000000 | (g << 16) | (g << 8) | g;
                } else {
                    argb[i] |= g << (16 - 8 * b);
                }
            }
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, w, h, argb, 0, w);
        return img;
    }

    /**
     * Renders a radar amplitude band for display: grey levels linear in decibels ({@code 20
     * log10(A)}) between the {@code loPct} and {@code hiPct} percentiles of the dB values (e.g. 2
     * and 98); amplitudes {@code <= 0}, NaN and no-data are black. Reduction averages the amplitude
     * of each block before the dB conversion.
     *
     * @param band (Input) amplitude (not power). Not modified.
     * @param noData value treated as missing (NaN always is); pass NaN when there is none
     * @param maxSidePx largest side of the output in pixels
     */
    public static BufferedImage renderAmplitudeDb(
            Raster band, double noData, int maxSidePx, double loPct, double hiPct) {
        int f = reductionFactor(band.width(), band.height(), maxSidePx);
        float[] v = reduce(band, noData, f);
        double[] db = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            db[i] = v[i] > 0 ? 20 * Math.log10(v[i]) : Double.NaN;
        }
        ColorScale s = ColorScale.percentile(ColorMap.GRAY, db, loPct, hiPct, "amplitude [dB]");
        int w = ceilDiv(band.width(), f);
        int h = ceilDiv(band.height(), f);
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            int g = Double.isNaN(db[i]) ? 0 : (int) Math.round(255 * s.position(db[i]));
            argb[i] = 0xff000000 | (g << 16) | (g << 8) | g;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, w, h, argb, 0, w);
        return img;
    }

    /**
     * Mean of the valid pixels in each {@code f x f} block; NaN where a block has none.
     *
     * @return {@code ceil(w/f) * ceil(h/f)} values, row-major
     */
    static float[] reduce(Raster band, double noData, int f) {
        int w = ceilDiv(band.width(), f);
        int h = ceilDiv(band.height(), f);
        double[] sum = new double[w * h];
        int[] cnt = new int[w * h];
        for (int y = 0; y < band.height(); y++) {
            int row = (y / f) * w;
            for (int x = 0; x < band.width(); x++) {
                double v = band.unsafeGetDouble(x, y);
                if (!Double.isNaN(v) && v != noData) {
                    sum[row + x / f] += v;
                    cnt[row + x / f]++;
                }
            }
        }
        float[] out = new float[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = cnt[i] == 0 ? Float.NaN : (float) (sum[i] / cnt[i]);
        }
        return out;
    }

    /**
     * A copy of {@code base} with filled circles at the given positions, coloured by value and
     * outlined in dark gray. Points with a NaN value are skipped.
     *
     * @param base (Input) background image. Not modified.
     * @param xImg (Input) column positions in output-image pixels (corner convention)
     * @param yImg (Input) row positions in output-image pixels
     * @param values (Input) values coloured with {@code scale}
     * @param radiusPx circle radius in output-image pixels
     */
    public static BufferedImage overlayPoints(
            BufferedImage base,
            double[] xImg,
            double[] yImg,
            double[] values,
            ColorScale scale,
            double radiusPx) {
        if (xImg.length != yImg.length || xImg.length != values.length) {
            throw new IllegalArgumentException(
                    "point arrays differ in length: x "
                            + xImg.length
                            + ", y "
                            + yImg.length
                            + ", values "
                            + values.length);
        }
        BufferedImage out =
                new BufferedImage(base.getWidth(), base.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.drawImage(base, 0, 0, null);
            g.setStroke(new BasicStroke(0.6f));
            for (int i = 0; i < xImg.length; i++) {
                if (Double.isNaN(values[i])) {
                    continue;
                }
                Ellipse2D c =
                        new Ellipse2D.Double(
                                xImg[i] - radiusPx, yImg[i] - radiusPx, 2 * radiusPx, 2 * radiusPx);
                g.setColor(new Color(scale.argb(values[i]), true));
                g.fill(c);
                g.setColor(new Color(40, 40, 40, 200));
                g.draw(c);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * A copy of {@code base} with circle outlines (e.g. craters).
     *
     * @param base (Input) background image. Not modified.
     * @param cx (Input) centre columns in output-image pixels (corner convention)
     * @param cy (Input) centre rows in output-image pixels
     * @param r (Input) radii in output-image pixels
     * @param colors (Input) outline colour of each circle
     * @param strokePx outline width in output-image pixels
     */
    public static BufferedImage overlayCircles(
            BufferedImage base,
            double[] cx,
            double[] cy,
            double[] r,
            Color[] colors,
            float strokePx) {
        BufferedImage out =
                new BufferedImage(base.getWidth(), base.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.drawImage(base, 0, 0, null);
            g.setStroke(new BasicStroke(strokePx));
            for (int i = 0; i < cx.length; i++) {
                g.setColor(colors[i]);
                g.draw(new Ellipse2D.Double(cx[i] - r[i], cy[i] - r[i], 2 * r[i], 2 * r[i]));
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** {@code image} scaled to at most {@code maxSidePx} on its longer side (never enlarged). */
    public static BufferedImage thumbnail(BufferedImage image, int maxSidePx) {
        double f =
                Math.min(1.0, maxSidePx / (double) Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * f));
        int h = Math.max(1, (int) Math.round(image.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A horizontal colour bar {@code widthPx} wide with five tick labels and the scale's label. */
    public static BufferedImage colorBar(ColorScale scale, int widthPx) {
        float font = Math.max(12f, widthPx / 36f);
        int barH = Math.round(font * 1.5f);
        int h = Math.round(barH + 3.6f * font);
        int margin = Math.round(font * 2.5f);
        BufferedImage img = new BufferedImage(widthPx, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, widthPx, h);
            int len = Math.max(1, widthPx - 2 * margin);
            for (int i = 0; i < len; i++) {
                g.setColor(new Color(scale.map().argb(i / (double) Math.max(1, len - 1))));
                g.fillRect(margin + i, 4, 1, barH);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawRect(margin, 4, len - 1, barH);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(font)));
            FontMetrics fm = g.getFontMetrics();
            double range = scale.max() - scale.min();
            double step = niceStep(range / 5);
            for (double v = Math.ceil(scale.min() / step) * step;
                    v <= scale.max() + 1e-9 * range;
                    v += step) {
                int x = margin + (int) Math.round((v - scale.min()) / range * (len - 1));
                g.drawLine(x, 4 + barH, x, 8 + barH);
                String s = formatStep(v, step);
                g.drawString(s, x - fm.stringWidth(s) / 2, 10 + barH + fm.getAscent());
            }
            String label = scale.label();
            g.drawString(label, (widthPx - fm.stringWidth(label)) / 2, h - 4);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** {@code image} on white with {@code colorBar(scale)} below it, as one image. */
    public static BufferedImage withColorBar(BufferedImage image, ColorScale scale) {
        int w = Math.max(image.getWidth(), 320);
        BufferedImage bar = colorBar(scale, Math.min(w, 600));
        BufferedImage out =
                new BufferedImage(
                        w, image.getHeight() + bar.getHeight() + 6, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(image, (w - image.getWidth()) / 2, 0, null);
            g.drawImage(bar, (w - bar.getWidth()) / 2, image.getHeight() + 6, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The 1, 2 or 5 times a power of ten nearest above {@code raw} (for tick spacing). */
    public static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
    }

    /**
     * {@code image} enlarged by the integer factor (nearest neighbour, so pixels stay sharp) that
     * brings its longer side nearest to {@code minSidePx}; returned as is when that factor is 1.
     */
    public static BufferedImage enlarge(BufferedImage image, int minSidePx) {
        int side = Math.max(image.getWidth(), image.getHeight());
        int k = Math.max(1, (int) Math.round(minSidePx / (double) Math.max(1, side)));
        if (k == 1) {
            return image;
        }
        BufferedImage out =
                new BufferedImage(
                        image.getWidth() * k, image.getHeight() * k, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION,
                    RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A tick label for a value on a grid of spacing {@code step}: just enough decimals. */
    public static String formatStep(double v, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        if (Math.abs(v) < step * 1e-6) {
            v = 0;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A tick label with about three significant digits for a scale spanning {@code range}. */
    public static String formatTick(double v, double range) {
        double mag = Math.abs(range);
        if (Math.abs(v) < 1e-12 * Math.max(1, mag)) {
            return "0";
        }
        int decimals = mag >= 100 ? 0 : mag >= 10 ? 1 : mag >= 1 ? 2 : mag >= 0.1 ? 3 : 4;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
