package dev.surveyor.cli;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.imgproc.spectral.BandLimitedNoise;
import dev.surveyor.imgproc.spectral.FourierShift;
import dev.surveyor.insar.sim.ConfigSimulation;
import dev.surveyor.insar.sim.SimulatedStack;
import dev.surveyor.insar.sim.SimulationWriter;
import dev.surveyor.insar.sim.StackSimulator;
import dev.surveyor.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The co-registration step of {@code surveyor demo}: no licence-clear SLC pair is bundled, so it
 * makes a small synthetic SLC stack with known sub-pixel shifts and co-registers it with {@code
 * surveyor insar coregister}.
 *
 * <p>The stack: {@link StackSimulator} (192 x 160 px, 5 dates 12 days apart, persistent scatterers
 * with their phase history in clutter that is independent between dates) plus a time-invariant
 * band-limited speckle background ({@link BandLimitedNoise}, 80 % of the band, 4x the clutter
 * power: distributed scatterers with coherence 0.8 between dates, as real SLCs have and the
 * simulator's white clutter lacks); each date is then moved by a known shift {@code (dx, dy)}
 * (content moves {@code +dx} columns, {@code +dy} rows) with {@link FourierShift} (periodic). The
 * true offset of a date against the reference is its shift minus the reference's, in the convention
 * of {@code offsets.csv} (secondary minus reference position, pixels).
 */
final class DemoCoregistrationStep {
    private DemoCoregistrationStep() {}

    /** Shifts of the five dates (columns, rows), in pixels. */
    static final double[][] SHIFTS_PX = {
        {1.3, -0.6}, {-0.45, 0.8}, {0.2, 0.15}, {2.25, 1.1}, {-1.7, -2.35}
    };

    /** Result of the step: the co-registration run folder and the comparison with the truth. */
    record Result(Path runDir, double maxErrorPx, double rmsErrorPx, LocalDate reference) {}

    /**
     * Writes the synthetic stack into {@code dir/stack}, co-registers it into {@code dir} (adding
     * {@code true_offsets.csv} and {@code summary.json} there) and compares with the truth.
     */
    static Result run(Path dir) throws IOException {
        ConfigSimulation c = new ConfigSimulation();
        c.widthPx = 192;
        c.heightPx = 160;
        c.numDates = SHIFTS_PX.length;
        c.seed = 7;
        SimulatedStack sim = StackSimulator.simulate(c);
        int w = sim.width();
        int h = sim.height();
        RasterC64 background = BandLimitedNoise.speckle(w, h, 0.8, 0.8, 8);
        float[][] slcs = new float[sim.slcs().length][];
        for (int q = 0; q < slcs.length; q++) {
            float[] a = sim.slcs()[q];
            RasterC64 z = new RasterC64(w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = 2 * (y * w + x);
                    z.unsafeSet(
                            x,
                            y,
                            a[i] + 2 * background.unsafeGetRe(x, y),
                            a[i + 1] + 2 * background.unsafeGetIm(x, y));
                }
            }
            RasterC64 s = FourierShift.shift(z, SHIFTS_PX[q][0], SHIFTS_PX[q][1]);
            float[] out = new float[2 * w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[2 * (y * w + x)] = s.unsafeGetRe(x, y);
                    out[2 * (y * w + x) + 1] = s.unsafeGetIm(x, y);
                }
            }
            slcs[q] = out;
        }
        SimulatedStack shifted =
                new SimulatedStack(
                        sim.config(),
                        sim.sensor(),
                        sim.dates(),
                        sim.bperpM(),
                        sim.referenceIndex(),
                        slcs,
                        sim.truth());
        Path manifest = SimulationWriter.write(shifted, dir.resolve("stack"));
        String table =
                DemoCommand.runCapturing(
                        new dev.surveyor.cli.insar.InsarCommand(),
                        "coregister",
                        "--stack",
                        manifest.toString(),
                        "--out",
                        dir.toString());
        // the reference the pipeline chose is on the first line: "reference YYYY-MM-DD"
        String first = table.lines().findFirst().orElse("");
        if (!first.startsWith("reference ")) {
            throw new IllegalStateException("unexpected coregister output: " + first);
        }
        LocalDate ref = LocalDate.parse(first.substring("reference ".length()).strip());
        List<LocalDate> dates = sim.dates();
        int r = dates.indexOf(ref);
        StringBuilder truth = new StringBuilder("date,dx_px,dy_px\n");
        for (int q = 0; q < dates.size(); q++) {
            truth.append(
                    String.format(
                            Locale.ROOT,
                            "%s,%.6f,%.6f%n",
                            dates.get(q),
                            SHIFTS_PX[q][0] - SHIFTS_PX[r][0],
                            SHIFTS_PX[q][1] - SHIFTS_PX[r][1]));
        }
        AtomicFiles.writeString(dir.resolve("true_offsets.csv"), truth.toString());
        AtomicFiles.writeString(
                dir.resolve("summary.json"),
                String.format(
                        Locale.ROOT,
                        "{%n  \"note\": \"Synthetic data: no licence-clear SLC pair is bundled, so"
                                + " this stack is simulated (surveyor's StackSimulator plus a"
                                + " time-invariant speckle background) and each date is shifted"
                                + " by a known sub-pixel amount (Fourier shift); the true offsets"
                                + " are in true_offsets.csv.\",%n"
                                + "  \"size_px\": \"%d x %d\",%n  \"dates\": %d,%n"
                                + "  \"simulation_seed\": %d,%n"
                                + "  \"background\": \"band-limited speckle (80 %% of the band),"
                                + " 4x the clutter power\",%n"
                                + "  \"command\": \"surveyor insar coregister --stack"
                                + " stack/stack.json --out . (defaults)\"%n}%n",
                        w,
                        h,
                        dates.size(),
                        c.seed));
        double maxErr = 0;
        double sumSq = 0;
        int n = 0;
        for (String line : table.lines().toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 3 || !f[0].matches("\\d{4}-\\d{2}-\\d{2}")) {
                continue;
            }
            int q = dates.indexOf(LocalDate.parse(f[0]));
            double ex = Double.parseDouble(f[1]) - (SHIFTS_PX[q][0] - SHIFTS_PX[r][0]);
            double ey = Double.parseDouble(f[2]) - (SHIFTS_PX[q][1] - SHIFTS_PX[r][1]);
            double e = Math.hypot(ex, ey);
            maxErr = Math.max(maxErr, e);
            sumSq += e * e;
            n++;
        }
        if (n != dates.size()) {
            throw new IllegalStateException(
                    "coregister reported " + n + " of " + dates.size() + " dates:\n" + table);
        }
        return new Result(dir, maxErr, Math.sqrt(sumSq / n), ref);
    }
}
