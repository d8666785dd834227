package dev.surveyor.craters.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.learn.LearnEngine;
import dev.surveyor.learn.ModelDir;
import dev.surveyor.learn.ScopedInference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The shipped crater network gives the same outputs through the inference path ({@link
 * ScopedInference}, which frees intermediates early) as through DJL's plain forward pass, the path
 * it was validated with.
 */
class ShippedModelInferenceTest {
    @Test
    void scopedInferenceEqualsPlainForward() throws Exception {
        Path dir = Path.of("..", "models", "craters-lro-nac");
        assumeTrue(Files.isRegularFile(dir.resolve(ModelDir.MODEL_JSON)), "no shipped model");
        LearnEngine.start(1);
        ModelDir md = new ModelDir(dir);
        ConfigCenterNet arch =
                ConfigCenterNet.fromJson((ObjectNode) md.readJson().get("architecture"));
        Block block = CenterNetNetworks.build(arch).network();
        int n = 4 * arch.sizeMultiple();
        float[] in = new float[2 * n * n];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) r.nextGaussian();
        }
        try (NDManager m = NDManager.newBaseManager()) {
            md.loadParams(block, m, ModelDir.BEST);
            NDArray x = m.create(in, new Shape(2, arch.inputChannels, n, n));
            boolean grad = JniUtils.isGradMode();
            JniUtils.setGradMode(false);
            float[] plain =
                    block.forward(new ParameterStore(m, false), new NDList(x), false)
                            .singletonOrThrow()
                            .toFloatArray();
            JniUtils.setGradMode(grad);
            float[] scoped = ScopedInference.predict(block, x).singletonOrThrow().toFloatArray();
            assertArrayEquals(plain, scoped, 1e-6f);
        }
    }
}
