package dev.surveyor.insar.ps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.insar.stack.StackManifest;
import dev.surveyor.insar.stack.StackReader;
import dev.surveyor.insar.stack.StackWindow;
import dev.surveyor.testkit.ExternalTools;
import dev.surveyor.testkit.SharedData;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** D_A on the real Houston crop against numpy and against the PSPS reference output. */
class AmplitudeDispersionHoustonTest {
    @TempDir Path dir;
    Path data;
    float[] ours;

    @BeforeEach
    void compute() throws Exception {
        data = SharedData.require("insar/houston-s1-crop");
        String text;
        try (InputStream in =
                getClass().getResourceAsStream("/dev/surveyor/insar/pipeline/houston/stack.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path m = dir.resolve("stack.json");
        Files.writeString(m, text.replace("${HOUSTON}", data.toAbsolutePath().toString()));
        try (StackReader r = StackReader.open(StackManifest.read(m))) {
            StackWindow w = r.read(0, 0, r.width(), r.height());
            float[][] amps = new float[r.numDates()][];
            double[] means = new double[r.numDates()];
            for (int q = 0; q < amps.length; q++) {
                amps[q] = w.amplitude(q);
                double s = 0;
                for (float v : amps[q]) {
                    s += v;
                }
                means[q] = s / amps[q].length;
            }
            ours = AmplitudeStatistics.compute(amps, means).dispersion();
        }
    }

    private static float[] readF32(Path p) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[b.remaining() / 4];
        b.asFloatBuffer().get(f);
        return f;
    }

    @Test
    void agreesWithNumpyToOneInTenThousandThousand() throws Exception {
        ExternalTools.requirePython("numpy");
        Path out = dir.resolve("da.f32");
        String script =
                "import numpy as np, glob, sys\n"
                        + "a = np.stack([np.fromfile(f, '<f4').astype(np.float64) for f in sorted(glob.glob(sys.argv[1] + '/amplitude/*.amp'))])\n"
                        + "u = a / a.mean(axis=1, keepdims=True)\n"
                        + "(u.std(axis=0) / u.mean(axis=0)).astype('<f4').tofile(sys.argv[2])\n";
        ExternalTools.check(ExternalTools.PYTHON, "-c", script, data.toString(), out.toString());
        float[] ref = readF32(out);
        assertEquals(ref.length, ours.length);
        double max = 0;
        for (int i = 0; i < ref.length; i++) {
            max = Math.max(max, Math.abs(ref[i] - ours[i]));
        }
        assertTrue(max <= 1e-5, "max |D_A - numpy| = " + max);
    }

    @Test
    void matchesThePspsReferenceOutput() throws Exception {
        // PSPS normalised by the full 600x600 scene's means, we by the crop's: close, not equal.
        float[] ref = readF32(data.resolve("ps_data/amp_disp"));
        double[] diff = new double[ref.length];
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < ref.length; i++) {
            diff[i] = Math.abs(ref[i] - ours[i]);
            sx += ref[i];
            sy += ours[i];
            sxx += ref[i] * ref[i];
            syy += ours[i] * ours[i];
            sxy += ref[i] * ours[i];
        }
        int n = ref.length;
        double corr = (sxy - sx * sy / n) / Math.sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
        Arrays.sort(diff);
        assertTrue(corr > 0.99, "correlation " + corr);
        assertTrue(diff[n / 2] < 0.01, "median |diff| " + diff[n / 2]);
    }
}
