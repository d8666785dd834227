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
import org.junit.jupiter.api.Test;

/**
 * The shipped model's output on a fixed input equals the output recorded when the model was shipped
 * (before the inference path freed intermediates), so inference changes cannot alter its numerics.
 * The fixture {@code height-zy3-64px.f32} (64 x 64 float32 little-endian, metres) was written for
 * the {@code model.params} whose SHA-256 is {@link #PARAMS_SHA} (session 8's model soup; the
 * generator, which reproduced the previous fixture byte for byte for the previous model, is this
 * test's input and {@code predictWindow} written out as little-endian floats); the same input
 * through python3-torch with the same weights agrees to 1e-6 (see {@code surveyor-bench} {@code
 * BenchmarkDjlTorch}). Retraining the model needs a new fixture.
 */
class ShippedModelOutputTest {
    private static final String PARAMS_SHA =
            "70ebf0b61ccbe1612fda5d4f8d25d5906cbb0a9e31102aa8216bd44b5cc75a75";

    @Test
    void outputOnFixedInputIsUnchanged() throws Exception {
        Path model = Path.of("..", "models", "height-zy3");
        Path params = model.resolve(HeightModel.PARAMS_FILE);
        assumeTrue(Files.isRegularFile(params), "no shipped model");
        String sha =
                HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256")
                                        .digest(Files.readAllBytes(params)));
        assumeTrue(PARAMS_SHA.equals(sha), "model.params was retrained: fixture is for another");
        float[] expected;
        try (InputStream in = getClass().getResourceAsStream("height-zy3-64px.f32")) {
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
            assertEquals(0, maxDiff, 1e-5, "max |difference| in metres");
        }
    }
}
