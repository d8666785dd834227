package dev.surveyor.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.util.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {
    @TempDir Path tmp;

    /** Learn y = 2 x - 1 per pixel with two 1x1 convolutions. */
    static final class Doubling implements TrainingTask {
        /** Whether validation reports a "score" (false: as without validation data). */
        private final boolean scored;

        Doubling() {
            this(true);
        }

        Doubling(boolean scored) {
            this.scored = scored;
        }

        @Override
        public Shape inputShape() {
            return new Shape(4, 1, 4, 4);
        }

        @Override
        public int batchesPerEpoch() {
            return 30;
        }

        @Override
        public Batch nextBatch(NDManager m, Random r) {
            float[] x = new float[64];
            float[] y = new float[64];
            for (int i = 0; i < 64; i++) {
                x[i] = (float) r.nextGaussian();
                y[i] = 2 * x[i] - 1;
            }
            return new Batch(
                    new NDList(m.create(x, new Shape(4, 1, 4, 4))),
                    new NDList(m.create(y, new Shape(4, 1, 4, 4))));
        }

        @Override
        public NDArray loss(NDList p, NDList l) {
            return p.get(0).sub(l.get(0)).abs().mean();
        }

        @Override
        public Map<String, Double> validate(Block block, NDManager m) {
            NDArray x = m.create(new float[] {0.5f}, new Shape(1, 1, 1, 1));
            float y =
                    block.forward(new ParameterStore(m, false), new NDList(x), false)
                            .get(0)
                            .getFloat();
            return scored
                    ? Map.of("score", -Math.abs(y - 0.0), "y", (double) y)
                    : Map.of("y", (double) y);
        }
    }

    static Block net() {
        return new SequentialBlock()
                .add(NetBlocks.conv(4, 1, 1, true))
                .add(NetBlocks.conv(1, 1, 1, true));
    }

    @Test
    void trainsCheckpointsAndResumesToTheSameEpochCount() throws Exception {
        ConfigTraining c = new ConfigTraining();
        c.epochs = 3;
        c.learningRate = 0.02;
        ModelDir dir = new ModelDir(tmp.resolve("m"));
        List<TrainingLoop.EpochResult> r = fit(c, dir);
        assertEquals(3, r.size());
        assertTrue(r.get(2).meanLoss() < r.get(0).meanLoss(), r.toString());
        assertTrue(dir.hasParams(ModelDir.BEST) && dir.hasParams(ModelDir.LAST));
        ObjectNode st = dir.readJson("train-state.json");
        assertEquals(3, st.get("completedEpochs").asInt());
        // resume to 5 epochs: only epochs 4 and 5 run
        c.epochs = 5;
        c.resume = true;
        List<TrainingLoop.EpochResult> r2 = fit(c, dir);
        assertEquals(2, r2.size());
        assertEquals(3, r2.get(0).epoch());
        assertEquals(5, dir.readJson("train-state.json").get("completedEpochs").asInt());
        assertTrue(r2.get(1).meanLoss() < r.get(0).meanLoss());
    }

    @Test
    void frozenPartKeepsItsWeightsAndInitCopiesThem() throws Exception {
        ConfigTraining c = new ConfigTraining();
        c.epochs = 1;
        ModelDir src = new ModelDir(tmp.resolve("src"));
        fit(c, src);
        SequentialBlock b = (SequentialBlock) net();
        Block first = b.getChildren().get(0).getValue();
        c.freezeEpochs = 1;
        ModelDir dst = new ModelDir(tmp.resolve("dst"));
        new TrainingLoop(c)
                .fit(
                        dst,
                        b,
                        first,
                        new Doubling(),
                        src.paramsFile(ModelDir.LAST),
                        ProgressListener.NONE,
                        e -> {});
        // the first conv equals the source's after the frozen epoch; the second changed
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock s = (SequentialBlock) net();
            src.loadParams(s, m, ModelDir.LAST);
            SequentialBlock d = (SequentialBlock) net();
            dst.loadParams(d, m, ModelDir.LAST);
            float[] sw =
                    s.getChildren()
                            .get(0)
                            .getValue()
                            .getParameters()
                            .get(0)
                            .getValue()
                            .getArray()
                            .toFloatArray();
            float[] dw =
                    d.getChildren()
                            .get(0)
                            .getValue()
                            .getParameters()
                            .get(0)
                            .getValue()
                            .getArray()
                            .toFloatArray();
            assertArrayEquals(sw, dw);
            float[] s2 =
                    s.getChildren()
                            .get(1)
                            .getValue()
                            .getParameters()
                            .get(0)
                            .getValue()
                            .getArray()
                            .toFloatArray();
            float[] d2 =
                    d.getChildren()
                            .get(1)
                            .getValue()
                            .getParameters()
                            .get(0)
                            .getValue()
                            .getArray()
                            .toFloatArray();
            assertNotEquals(s2[0], d2[0]);
        }
        // a second, unfrozen epoch (resumed) trains the first conv too, batch norm included
        c.epochs = 2;
        c.resume = true;
        SequentialBlock b2 = (SequentialBlock) net();
        new TrainingLoop(c)
                .fit(
                        dst,
                        b2,
                        b2.getChildren().get(0).getValue(),
                        new Doubling(),
                        null,
                        ProgressListener.NONE,
                        e -> {});
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock s = (SequentialBlock) net();
            src.loadParams(s, m, ModelDir.LAST);
            SequentialBlock d = (SequentialBlock) net();
            dst.loadParams(d, m, ModelDir.LAST);
            float[] sw =
                    s.getChildren()
                            .get(0)
                            .getValue()
                            .getParameters()
                            .get(0)
                            .getValue()
                            .getArray()
                            .toFloatArray();
            float[] dw =
                    d.getChildren()
                            .get(0)
                            .getValue()
                            .getParameters()
                            .get(0)
                            .getValue()
                            .getArray()
                            .toFloatArray();
            assertNotEquals(sw[0], dw[0]);
        }
    }

    @Test
    void modelJsonRoundTripAndBadParamsNameTheFile() throws Exception {
        ModelDir dir = new ModelDir(tmp.resolve("j"));
        ObjectNode n = ModelDir.json().createObjectNode().put("a", 1);
        dir.writeJson(n);
        assertEquals(n, dir.readJson());
        Files.writeString(dir.paramsFile("bad"), "not params");
        try (NDManager m = NDManager.newBaseManager()) {
            Exception e =
                    assertThrows(java.io.IOException.class, () -> dir.loadParams(net(), m, "bad"));
            assertTrue(e.getMessage().contains("bad.params"), e.getMessage());
        }
    }

    @Test
    void configValidatesAndDecaysLearningRate() {
        ConfigTraining c = new ConfigTraining();
        c.validate();
        assertEquals(c.learningRate, c.learningRate(0), 1e-12);
        assertEquals(
                c.learningRate * c.finalLearningRateFraction, c.learningRate(c.epochs - 1), 1e-12);
        c.maxMinutes = 10;
        assertEquals(c.learningRate * c.finalLearningRateFraction, c.learningRate(0, 10), 1e-12);
        c.freezeEpochs = c.epochs + 1;
        assertThrows(IllegalArgumentException.class, c::validate);
        assertEquals(c.freezeEpochs, c.copy().freezeEpochs);
    }

    private static float[] lastParams(ModelDir d) throws Exception {
        Block b = net();
        try (NDManager m = NDManager.newBaseManager()) {
            d.loadParams(b, m, ModelDir.LAST);
            java.util.List<Float> all = new java.util.ArrayList<>();
            for (var p : b.getParameters()) {
                for (float v : p.getValue().getArray().toFloatArray()) {
                    all.add(v);
                }
            }
            float[] out = new float[all.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = all.get(i);
            }
            return out;
        }
    }

    private static void killedAfterTwoEpochs(ConfigTraining c, ModelDir d) {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                new TrainingLoop(c)
                                        .fit(
                                                d,
                                                net(),
                                                null,
                                                new Doubling(),
                                                null,
                                                ProgressListener.NONE,
                                                r -> {
                                                    if (r.epoch() == 1) {
                                                        throw new IllegalStateException("kill");
                                                    }
                                                }));
        assertEquals("kill", e.getMessage());
    }

    @Test
    void resumeRestoresAdamAndMatchesAnUninterruptedRun() throws Exception {
        ConfigTraining c = new ConfigTraining();
        c.epochs = 4;
        c.learningRate = 0.02;
        ModelDir a = new ModelDir(tmp.resolve("a"));
        fit(c, a);
        ConfigTraining cr = c.copy();
        cr.resume = true;
        // killed after epoch 2 (the callback runs after the checkpoint), then resumed
        ModelDir b = new ModelDir(tmp.resolve("b"));
        killedAfterTwoEpochs(c, b);
        assertTrue(Files.exists(b.dir().resolve(TrainingLoop.ADAM_STATE)));
        new TrainingLoop(cr)
                .fit(b, net(), null, new Doubling(), null, ProgressListener.NONE, e -> {});
        float[] pa = lastParams(a);
        float[] pb = lastParams(b);
        assertArrayEquals(pa, pb, 1e-6f);
        // the same without the saved moments: the resumed run drifts from the uninterrupted one
        ModelDir d = new ModelDir(tmp.resolve("d"));
        killedAfterTwoEpochs(c, d);
        Files.delete(d.dir().resolve(TrainingLoop.ADAM_STATE));
        new TrainingLoop(cr)
                .fit(d, net(), null, new Doubling(), null, ProgressListener.NONE, e -> {});
        float[] pd = lastParams(d);
        double maxDiff = 0;
        for (int i = 0; i < pa.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(pa[i] - pd[i]));
        }
        assertTrue(maxDiff > 1e-4, "moments restarted from zero change the result: " + maxDiff);
    }

    /** Without a validation score every epoch is the best: best.params holds the last epoch's. */
    @Test
    void withoutScoreTheLastEpochIsKept() throws Exception {
        ConfigTraining c = new ConfigTraining();
        c.epochs = 3;
        c.learningRate = 0.02;
        ModelDir dir = new ModelDir(tmp.resolve("unscored"));
        List<TrainingLoop.EpochResult> r =
                new TrainingLoop(c)
                        .fit(
                                dir,
                                net(),
                                null,
                                new Doubling(false),
                                null,
                                ProgressListener.NONE,
                                e -> {});
        assertTrue(r.stream().allMatch(TrainingLoop.EpochResult::best), r.toString());
        assertEquals(2, dir.readJson("train-state.json").get("bestEpoch").asInt());
        assertEquals(outputAtHalf(dir, ModelDir.LAST), outputAtHalf(dir, ModelDir.BEST), 0);
    }

    /** Trains {@link #net()} on {@link Doubling} from scratch into {@code dir}. */
    private static List<TrainingLoop.EpochResult> fit(ConfigTraining c, ModelDir dir)
            throws java.io.IOException {
        return new TrainingLoop(c)
                .fit(dir, net(), null, new Doubling(), null, ProgressListener.NONE, e -> {});
    }

    /** Loads a parameter file into a fresh {@link #net()} and returns its output for x = 0.5. */
    private static float outputAtHalf(ModelDir dir, String params) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Block b = net();
            dir.loadParams(b, m, params);
            return new Doubling().validate(b, m).get("y").floatValue();
        }
    }

    @Test
    void weightAverageIsValidatedKeptAndResumed() throws Exception {
        ConfigTraining c = new ConfigTraining();
        c.epochs = 3;
        c.learningRate = 0.02;
        c.averageDecay = 0.99;
        c.finalLearningRateFraction = 1; // the same rates whatever the number of epochs
        ModelDir whole = new ModelDir(tmp.resolve("whole"));
        List<TrainingLoop.EpochResult> r = fit(c, whole);
        // the metrics of the last epoch are those of the averaged weights, not of the trained ones
        double yLast = r.get(2).metrics().get("y");
        assertEquals(yLast, outputAtHalf(whole, TrainingLoop.AVERAGE), 1e-6);
        assertTrue(
                Math.abs(yLast - outputAtHalf(whole, ModelDir.LAST)) > 1e-4,
                "the average differs from the last weights");
        int best = 0;
        for (TrainingLoop.EpochResult e : r) {
            best = e.best() ? e.epoch() : best;
        }
        assertEquals(r.get(best).metrics().get("y"), outputAtHalf(whole, ModelDir.BEST), 1e-6);
        // interrupted after 2 epochs and resumed: the same average as the uninterrupted run
        ModelDir parts = new ModelDir(tmp.resolve("parts"));
        c.epochs = 2;
        fit(c, parts);
        c.epochs = 3;
        c.resume = true;
        fit(c, parts);
        assertEquals(yLast, outputAtHalf(parts, TrainingLoop.AVERAGE), 1e-5);
    }
}
