package dev.surveyor.report;

import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.raster.RasterU8;
import dev.surveyor.io.RasterIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Small synthetic run folders in the formats of the crater, height and InSAR commands. */
final class SyntheticRuns {
    private SyntheticRuns() {}

    /** Crater run: 320x240 image with 40 craters, 34 detected, 8 false alarms. */
    static Path craters(Path dir) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(7);
        int w = 320;
        int h = 240;
        double[][] truth = new double[40][];
        for (int i = 0; i < truth.length; i++) {
            truth[i] =
                    new double[] {
                        20 + rnd.nextDouble() * (w - 40),
                        20 + rnd.nextDouble() * (h - 40),
                        8 + rnd.nextDouble() * 24
                    };
        }
        RasterU8 img = new RasterU8(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v =
                        120 + 25 * Math.sin(x / 37.0) * Math.cos(y / 23.0) + rnd.nextGaussian() * 6;
                for (double[] c : truth) {
                    double dx = x + 0.5 - c[0];
                    double dy = y + 0.5 - c[1];
                    double r = Math.sqrt(dx * dx + dy * dy) / (c[2] / 2);
                    if (r < 1) {
                        v += -45 * (1 - r * r) + 60 * Math.max(0, dx / (c[2] / 2)) * (1 - r);
                    } else if (r < 1.25) {
                        v += 30 * (1.25 - r) * 4;
                    }
                }
                img.set(x, y, (int) Math.max(0, Math.min(255, Math.round(v))));
            }
        }
        RasterIO.write(RasterDataset.of(MultiBandRaster.of(img)), dir.resolve("image.png"));
        StringBuilder t = new StringBuilder("x_px,y_px,diameter_px\n");
        StringBuilder d = new StringBuilder("x_px,y_px,diameter_px,score\n");
        for (int i = 0; i < truth.length; i++) {
            double[] c = truth[i];
            t.append(String.format(Locale.ROOT, "%.2f,%.2f,%.2f%n", c[0], c[1], c[2]));
            if (i < 34) {
                d.append(
                        String.format(
                                Locale.ROOT,
                                "%.2f,%.2f,%.2f,%.4f%n",
                                c[0] + rnd.nextGaussian() * 0.8,
                                c[1] + rnd.nextGaussian() * 0.8,
                                c[2] * (1 + rnd.nextGaussian() * 0.05),
                                0.45 + 0.5 * rnd.nextDouble()));
            }
        }
        for (int i = 0; i < 8; i++) {
            d.append(
                    String.format(
                            Locale.ROOT,
                            "%.2f,%.2f,%.2f,%.4f%n",
                            10 + rnd.nextDouble() * (w - 20),
                            10 + rnd.nextDouble() * (h - 20),
                            6 + rnd.nextDouble() * 10,
                            0.1 + 0.5 * rnd.nextDouble()));
        }
        Files.writeString(dir.resolve("truth.csv"), t);
        Files.writeString(dir.resolve("detections.csv"), d);
        Files.writeString(
                dir.resolve("sfd.json"),
                "{\"area_km2\": 12.5, \"model_age_ga\": 3.42, \"model_age_err_ga\": 0.08}");
        return dir;
    }

    /** Height run: 160x120 scene with buildings; prediction = 0.9 truth + noise. */
    static Path height(Path dir) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(11);
        int w = 160;
        int h = 120;
        RasterF32 truth = new RasterF32(w, h);
        for (int b = 0; b < 14; b++) {
            int x0 = rnd.nextInt(w - 20);
            int y0 = rnd.nextInt(h - 20);
            int bw = 6 + rnd.nextInt(14);
            int bh = 6 + rnd.nextInt(14);
            float z = 4 + rnd.nextFloat() * 30;
            for (int y = y0; y < y0 + bh; y++) {
                for (int x = x0; x < x0 + bw; x++) {
                    truth.set(x, y, z);
                }
            }
        }
        RasterF32 pred = new RasterF32(w, h);
        RasterU8 r = new RasterU8(w, h);
        RasterU8 g = new RasterU8(w, h);
        RasterU8 bl = new RasterU8(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float t = truth.get(x, y);
                pred.set(x, y, (float) (0.9 * t + rnd.nextGaussian() * 0.8));
                int shade = (int) Math.min(255, 90 + t * 4 + rnd.nextGaussian() * 5);
                r.set(x, y, Math.max(0, shade));
                g.set(x, y, Math.max(0, Math.min(255, shade + 10)));
                bl.set(x, y, Math.max(0, shade - 20));
            }
        }
        pred.set(0, 0, Float.NaN);
        writeFloatTiff(truth, dir.resolve("truth.tif"));
        writeFloatTiff(pred, dir.resolve("height.tif"));
        RasterIO.write(RasterDataset.of(MultiBandRaster.of(r, g, bl)), dir.resolve("image.png"));
        return dir;
    }

    /** InSAR run: 200x150 grid, 600 PS with a velocity gradient, 20 dates, offsets and matches. */
    static Path insar(Path dir, int numPs) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(3);
        int w = 200;
        int h = 150;
        RasterF32 amp = new RasterF32(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                amp.set(
                        x,
                        y,
                        (float) (50 + 30 * Math.abs(rnd.nextGaussian()) + (x > 120 ? 40 : 0)));
            }
        }
        List<LocalDate> dates = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            dates.add(LocalDate.of(2018, 1, 3).plusDays(12L * d));
        }
        StringBuilder ps =
                new StringBuilder(
                        "row,col,lon,lat,velocity_mm_yr,dem_error_m,temporal_coherence,amplitude_dispersion");
        for (LocalDate d : dates) {
            ps.append(",d").append(d.toString().replace("-", ""));
        }
        ps.append('\n');
        RasterF32 vel = new RasterF32(w, h);
        vel.fill(Float.NaN);
        for (int i = 0; i < numPs; i++) {
            int row = rnd.nextInt(h);
            int col = rnd.nextInt(w);
            double v = -12 + 20 * col / (double) w + rnd.nextGaussian();
            double coh = Math.min(0.99, 0.6 + 0.4 * rnd.nextDouble());
            vel.set(col, row, (float) v);
            ps.append(
                    String.format(
                            Locale.ROOT,
                            "%d,%d,%.6f,%.6f,%.3f,%.2f,%.3f,%.3f",
                            row,
                            col,
                            -95.4 + col * 1e-4,
                            29.7 - row * 1e-4,
                            v,
                            rnd.nextGaussian() * 3,
                            coh,
                            0.1 + 0.15 * rnd.nextDouble()));
            for (int d = 0; d < dates.size(); d++) {
                double yrs = (dates.get(d).toEpochDay() - dates.get(0).toEpochDay()) / 365.25;
                ps.append(String.format(Locale.ROOT, ",%.2f", v * yrs + rnd.nextGaussian() * 1.5));
            }
            ps.append('\n');
        }
        Files.writeString(dir.resolve("ps.csv"), ps);
        writeFloatTiff(amp, dir.resolve("mean_amplitude.tif"));
        writeFloatTiff(vel, dir.resolve("velocity.tif"));
        StringBuilder off = new StringBuilder("date,dx_px,dy_px,matches,residual\n");
        StringBuilder mt = new StringBuilder("date,x_ref,y_ref,x_sec,y_sec\n");
        for (int d = 1; d < 6; d++) {
            double dx = rnd.nextGaussian() * 0.7;
            double dy = rnd.nextGaussian() * 0.7;
            off.append(
                    String.format(
                            Locale.ROOT, "%s,%.4f,%.4f,%d,%.4f%n", dates.get(d), dx, dy, 40, 0.05));
            for (int k = 0; k < 40; k++) {
                double x = rnd.nextDouble() * w;
                double y = rnd.nextDouble() * h;
                mt.append(
                        String.format(
                                Locale.ROOT,
                                "%s,%.3f,%.3f,%.3f,%.3f%n",
                                dates.get(d),
                                x,
                                y,
                                x + dx + rnd.nextGaussian() * 0.1,
                                y + dy + rnd.nextGaussian() * 0.1));
            }
        }
        Files.writeString(dir.resolve("offsets.csv"), off);
        Files.writeString(dir.resolve("matches.csv"), mt);
        Files.writeString(
                dir.resolve("summary.json"),
                "{\"ps_count\": "
                        + numPs
                        + ", \"reference_date\": \"2018-01-03\","
                        + " \"sign_convention\": \"positive = towards the satellite\", \"note\": \"<script>alert(1)</script>\"}");
        return dir;
    }

    /**
     * Co-registration run as {@code surveyor insar coregister} writes it (160x120 reference SLC, 4
     * dates, the reference 2020-01-13), plus {@code true_offsets.csv} whose shifts differ from the
     * estimates by known errors: the largest |error| is 0.05 px (date 2020-01-25).
     */
    static Path coregistration(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("slc"));
        int w = 160;
        int h = 120;
        Random rnd = new Random(3);
        dev.surveyor.core.raster.RasterC64 ref = new dev.surveyor.core.raster.RasterC64(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ref.set(x, y, (float) rnd.nextGaussian(), (float) rnd.nextGaussian());
            }
        }
        RasterIO.write(
                new RasterDataset(MultiBandRaster.of(ref), null, null, null),
                dir.resolve("slc/20200113.tif"));
        String[] dates = {"2020-01-01", "2020-01-13", "2020-01-25", "2020-02-06"};
        double[][] est = {{1.31, -0.6}, {0, 0}, {-0.42, 0.83}, {2.25, 1.1}};
        double[][] err = {{0.01, -0.02}, {0, 0}, {0.03, 0.04}, {0, 0.01}};
        StringBuilder off =
                new StringBuilder("date,dx_px,dy_px,matches,residual_px,patches,model\n");
        StringBuilder tru = new StringBuilder("date,dx_px,dy_px\n");
        StringBuilder mt = new StringBuilder("date,ref_x,ref_y,sec_x,sec_y,distance\n");
        StringBuilder acq = new StringBuilder();
        for (int d = 0; d < 4; d++) {
            off.append(
                    String.format(
                            Locale.ROOT,
                            "%s,%.6f,%.6f,%d,%.6f,6,shift%n",
                            dates[d],
                            est[d][0],
                            est[d][1],
                            d == 1 ? 0 : 30,
                            0.01));
            tru.append(
                    String.format(
                            Locale.ROOT,
                            "%s,%.6f,%.6f%n",
                            dates[d].replace("-", ""),
                            est[d][0] - err[d][0],
                            est[d][1] - err[d][1]));
            if (d != 1) {
                for (int k = 0; k < 30; k++) {
                    double x = rnd.nextInt(w);
                    double y = rnd.nextInt(h);
                    mt.append(
                            String.format(
                                    Locale.ROOT,
                                    "%s,%.1f,%.1f,%.1f,%.1f,0.5%n",
                                    dates[d],
                                    x,
                                    y,
                                    x + Math.round(est[d][0]),
                                    y + Math.round(est[d][1])));
                }
            }
            acq.append(d == 0 ? "" : ",")
                    .append("{\"date\": \"")
                    .append(dates[d])
                    .append("\", \"bperp_m\": 0, \"file\": \"slc/")
                    .append(dates[d].replace("-", ""))
                    .append(".tif\"}");
        }
        Files.writeString(dir.resolve("offsets.csv"), off);
        Files.writeString(dir.resolve("true_offsets.csv"), tru);
        Files.writeString(dir.resolve("matches.csv"), mt);
        Files.writeString(
                dir.resolve("stack.json"),
                "{\"type\": \"slc\", \"reference_date\": \"2020-01-13\", \"acquisitions\": ["
                        + acq
                        + "]}");
        Files.writeString(
                dir.resolve("summary.json"),
                "{\"note\": \"Synthetic stack <b>test</b>\", \"seed\": 3}");
        return dir;
    }

    /**
     * Writes a single-band float32 TIFF with the JDK's own TIFF writer (independent of the
     * project's GeoTIFF code).
     */
    static void writeFloatTiff(RasterF32 r, Path file) throws IOException {
        java.awt.color.ColorSpace gray =
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_GRAY);
        java.awt.image.ComponentColorModel cm =
                new java.awt.image.ComponentColorModel(
                        gray,
                        false,
                        false,
                        java.awt.Transparency.OPAQUE,
                        java.awt.image.DataBuffer.TYPE_FLOAT);
        java.awt.image.WritableRaster wr = cm.createCompatibleWritableRaster(r.width(), r.height());
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                wr.setSample(x, y, 0, r.get(x, y));
            }
        }
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(cm, wr, false, null);
        if (!javax.imageio.ImageIO.write(img, "tiff", file.toFile())) {
            throw new IOException("no TIFF writer in javax.imageio");
        }
    }
}
