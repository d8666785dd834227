package dev.surveyor.insar.coreg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.imgproc.spectral.FourierShift;
import dev.surveyor.testkit.ExternalTools;
import dev.surveyor.testkit.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Envisat crop shifted by an independent implementation (numpy FFT) is recovered, and our
 * Fourier shift agrees with numpy's (skipped without numpy or ../shared).
 */
class NumpyReferenceTest {
    private static final String SCRIPT =
            "import numpy as np, sys\n"
                    + "z = np.fromfile(sys.argv[1], '<c8').reshape(500, 500)\n"
                    + "dx, dy = float(sys.argv[3]), float(sys.argv[4])\n"
                    + "fy = np.fft.fftfreq(500)[:, None]; fx = np.fft.fftfreq(500)[None, :]\n"
                    + "s = np.fft.ifft2(np.fft.fft2(z) * np.exp(-2j * np.pi * (fx * dx + fy * dy)))\n"
                    + "s.astype('<c8').tofile(sys.argv[2])\n";

    @Test
    void envisatShiftedByNumpyIsRecoveredAndMatchesOurFourierShift(@TempDir Path dir)
            throws IOException {
        ExternalTools.requirePython("numpy");
        Path slc = SharedData.require("insar/envisat-slc/tests/data/warped_envisat.slc");
        Path script = dir.resolve("shift.py");
        Files.writeString(script, SCRIPT);
        Path out = dir.resolve("shifted.slc");
        ExternalTools.check(
                ExternalTools.PYTHON,
                script.toString(),
                slc.toString(),
                out.toString(),
                "0.37",
                "-1.21");
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        float[] d = new float[2 * 500 * 500];
        b.asFloatBuffer().get(d);
        RasterC64 shifted = new RasterC64(d, 500, 500, 0, 500);
        RasterC64 ref = RealSlcs.envisat();

        // numpy uses fftfreq's [-n/2, n/2) band, as FourierShift.shift does
        RasterC64 ours = FourierShift.shift(ref, 0.37, -1.21);
        double num = 0;
        double den = 0;
        for (int i = 0; i < d.length; i++) {
            num += (ours.data()[i] - d[i]) * (double) (ours.data()[i] - d[i]);
            den += d[i] * (double) d[i];
        }
        assertTrue(Math.sqrt(num / den) < 1e-5, "relative RMS vs numpy " + Math.sqrt(num / den));

        PairCoregistration p = FactoryCoregistration.coregistrator(null).estimate(ref, shifted);
        assertEquals(0.37, p.dxPx(), 0.05, p.model().toString());
        assertEquals(-1.21, p.dyPx(), 0.05, p.model().toString());
    }
}
