package dev.surveyor.insar.sim;

import dev.surveyor.core.raster.DataType;
import dev.surveyor.insar.estimate.CramerRaoBound;
import dev.surveyor.insar.stack.Acquisition;
import dev.surveyor.insar.stack.RawSpec;
import dev.surveyor.insar.stack.StackManifest;
import dev.surveyor.insar.stack.StackType;
import dev.surveyor.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link SimulatedStack}: {@code slc/YYYYMMDD.c64} (raw complex64, little-endian,
 * row-major), {@code stack.json} (with a {@code raster} block and the reference date), {@code
 * truth.csv} ({@code row,col,velocity_mm_yr,dem_error_m}) and {@code crb.json} (Cramér–Rao bounds
 * of one point and of the difference of two points). Every file is written atomically.
 */
public final class SimulationWriter {
    private SimulationWriter() {}

    /** Writes the stack into {@code dir} (created) and returns the manifest path. */
    public static Path write(SimulatedStack s, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("slc"));
        DateTimeFormatter f = DateTimeFormatter.BASIC_ISO_DATE;
        List<Acquisition> acq = new ArrayList<>();
        for (int q = 0; q < s.dates().size(); q++) {
            Path file =
                    dir.resolve("slc")
                            .resolve(s.dates().get(q).format(f) + ".c64")
                            .toAbsolutePath();
            float[] data = s.slcs()[q];
            AtomicFiles.write(
                    file,
                    out -> {
                        ByteBuffer bb =
                                ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                        bb.asFloatBuffer().put(data);
                        out.write(bb.array());
                    });
            acq.add(new Acquisition(s.dates().get(q), s.bperpM()[q], file, null, false));
        }
        Path manifestPath = dir.resolve("stack.json").toAbsolutePath();
        StackManifest m =
                new StackManifest(
                        manifestPath,
                        s.sensor(),
                        StackType.SLC,
                        s.dates().get(s.referenceIndex()),
                        acq,
                        new RawSpec(
                                s.width(),
                                s.height(),
                                DataType.COMPLEX64,
                                ByteOrder.LITTLE_ENDIAN));
        AtomicFiles.writeString(manifestPath, m.toJson(manifestPath));
        StringBuilder csv = new StringBuilder("row,col,velocity_mm_yr,dem_error_m\n");
        for (TruePoint t : s.truth()) {
            csv.append(
                    String.format(
                            Locale.ROOT,
                            "%d,%d,%.6f,%.6f%n",
                            t.row(),
                            t.col(),
                            t.velocityMmYr(),
                            t.demErrorM()));
        }
        AtomicFiles.writeString(dir.resolve("truth.csv"), csv.toString());
        CramerRaoBound crb = s.cramerRaoBound();
        String json =
                String.format(
                        Locale.ROOT,
                        "{%n  \"phase_noise_rad\": %.6g,%n  \"num_dates\": %d,%n"
                                + "  \"model\": \"phi_q = c + a_q v + b_q dH + n_q, n_q ~ N(0, sigma^2), all dates; CRB = sigma^2 (A^T A)^-1\",%n"
                                + "  \"velocity_mm_yr\": %.6g,%n  \"dem_error_m\": %.6g,%n"
                                + "  \"pair_difference_velocity_mm_yr\": %.6g,%n  \"pair_difference_dem_error_m\": %.6g%n}%n",
                        crb.phaseNoiseRad(),
                        s.dates().size(),
                        crb.sigmaVelocityMmYr(),
                        crb.sigmaDemErrorM(),
                        Math.sqrt(2) * crb.sigmaVelocityMmYr(),
                        Math.sqrt(2) * crb.sigmaDemErrorM());
        AtomicFiles.writeString(dir.resolve("crb.json"), json);
        return manifestPath;
    }
}
