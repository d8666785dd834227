package dev.surveyor.height.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.surveyor.learn.LearnEngine;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each shipped height network's output on a fixed input equals the output recorded when it was
 * shipped, so inference changes cannot alter its numerics (the members of the {@code height-zy3}
 * ensemble one by one). A fixture {@code NAME-64px.f32} (64 x 64 float32 little-endian, metres) was
 * written for the {@code model.params} whose SHA-256 is given beside it; the generator is this
 * test's input and {@code predictWindow} (no test-time augmentation) written out as little-endian
 * floats (for {@code height-zy3-d4}, session 8's model soup, it reproduced the fixture made before
 * intermediates were freed byte for byte). The same input through python3-torch with the same
 * weights agrees to 1e-6 (see {@code surveyor-bench} {@code BenchmarkDjlTorch}). Retraining a model
 * needs a new fixture.
 *
 * <p>Tolerance: 1 mm. PyTorch picks its CPU kernels by instruction set, so another machine sums in
 * another order: CI's machine (stop 19) differed from the fixtures by up to 1.2e-5 m, float32
 * rounding over some fifty layers of outputs of order 10 m. Any change of weights, normalisation or
 * layer wiring moves the output by centimetres to metres, far above 1 mm.
 */
class ShippedModelOutputTest {
    @ParameterizedTest
    @CsvSource({
        "height-zy3/member-1, height-zy3-member-1,"
                + " db7dcf26547b25ea5f8f85a35d8f868fe53eb1aecc4c6ea46d2c6cd57cbd7494",
        "height-zy3/member-2, height-zy3-member-2,"
                + " 6a94d97eebccec58536ca89f11a6a66c98b2f8f922c0eb0980d3924574c96046",
        "height-zy3/member-3, height-zy3-member-3,"
                + " 69cca5d02011c3b39f3b520775ca5f95ee803ff5f9111609b69ec07175b1f978",
        "height-zy3/member-4, height-zy3-member-4,"
                + " 92f22808bb1fdd4b74e4f18ccccd3af8c6204ca0225526e16f551f5d50c073bc",
        "height-zy3/member-5, height-zy3-member-5,"
                + " b261fda1f318c939efaf4ff2c563e5154b98ea01ac47cef3bb807a62cbf9fac7",
        "height-zy3-d4, height-zy3-d4,"
                + " 70ebf0b61ccbe1612fda5d4f8d25d5906cbb0a9e31102aa8216bd44b5cc75a75"
    })
    void outputOnFixedInputIsUnchanged(String dir, String name, String paramsSha) throws Exception {
        Path model = Path.of("..", "models", dir);
        Path params = model.resolve(HeightModel.PARAMS_FILE);
        assumeTrue(Files.isRegularFile(params), "no shipped model");
        String sha =
                HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256")
                                        .digest(Files.readAllBytes(params)));
        assumeTrue(paramsSha.equals(sha), "model.params was retrained: fixture is for another");
        float[] expected;
        try (InputStream in = getClass().getResourceAsStream(name + "-64px.f32")) {
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            expected = new float[b.remaining() / 4];
            b.asFloatBuffer().get(expected);
        }
        LearnEngine.start(1);
        int n = 64;
        try (HeightModel m = HeightModel.load(model)) {
            double[] mean = m.normalization().mean();
            double[] std = m.normalization().std();
            float[][] bands = new float[mean.length][n * n];
            SplittableRandom r = new SplittableRandom(7);
            for (int b = 0; b < bands.length; b++) {
                for (int i = 0; i < n * n; i++) {
                    bands[b][i] = (float) (mean[b] + std[b] * r.nextGaussian());
                }
            }
            float[] p = m.predictWindow(bands, n, n);
            assertEquals(expected.length, p.length);
            double maxDiff = 0;
            for (int i = 0; i < p.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(p[i] - expected[i]));
            }
            assertEquals(0, maxDiff, 1e-3, "max |difference| in metres");
        }
    }
}
