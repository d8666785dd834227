package dev.surveyor.height.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.testkit.ExternalTools;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SsimTest {
    @Test
    void identicalRastersHaveSsimOne() {
        float[] a = heights(7, 40, 30);
        assertEquals(1.0, Ssim.of(a, a, 40, 30, 0, 100), 1e-12);
    }

    @Test
    void agreesWithScikitImageTo1e4(@TempDir Path dir) throws IOException {
        ExternalTools.requirePython("numpy", "skimage");
        int w = 57;
        int h = 43;
        float[] t = heights(1, w, h);
        float[] p = heights(2, w, h);
        // prediction = truth + noise, partly, so SSIM is neither 0 nor 1
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.7f * t[i] + 0.3f * p[i];
        }
        double minM = 0;
        double maxM = 60;
        double ours = Ssim.of(t, p, w, h, minM, maxM);
        Path ft = dir.resolve("t.f32");
        Path fp = dir.resolve("p.f32");
        write(ft, t);
        write(fp, p);
        String py =
                "import numpy as np, sys\n"
                        + "from skimage.metrics import structural_similarity as ssim\n"
                        + "w,h=57,43\n"
                        + "t=np.fromfile(sys.argv[1],dtype='<f4').reshape(h,w).astype(np.float64)\n"
                        + "p=np.fromfile(sys.argv[2],dtype='<f4').reshape(h,w).astype(np.float64)\n"
                        + "s=lambda a: np.clip((a-0.0)*255.0/60.0,0,255)\n"
                        + "print('%.10f'%ssim(s(t),s(p),gaussian_weights=True,sigma=1.5,use_sample_covariance=False,data_range=255))\n";
        String out =
                ExternalTools.check(ExternalTools.PYTHON, "-c", py, ft.toString(), fp.toString())
                        .trim();
        double ref = Double.parseDouble(out);
        assertTrue(ref > 0.2 && ref < 0.99, "reference SSIM " + ref);
        assertEquals(ref, ours, 1e-4);
    }

    /** Blocky "buildings" of 0..60 m on ground. */
    static float[] heights(long seed, int w, int h) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[w * h];
        for (int k = 0; k < 25; k++) {
            int x0 = r.nextInt(w);
            int y0 = r.nextInt(h);
            int bw = r.nextInt(3, 12);
            int bh = r.nextInt(3, 12);
            float z = 3f * r.nextInt(1, 20);
            for (int y = y0; y < Math.min(h, y0 + bh); y++) {
                for (int x = x0; x < Math.min(w, x0 + bw); x++) {
                    v[y * w + x] = z;
                }
            }
        }
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (0.5 * r.nextGaussian());
        }
        return v;
    }

    private static void write(Path f, float[] v) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        Files.write(f, b.array());
    }
}
