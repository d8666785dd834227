package dev.surveyor.height.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.height.data.DihedralSet;
import dev.surveyor.height.data.ImageHeightPair;
import dev.surveyor.height.data.TileSplit;
import dev.surveyor.height.eval.HeightMetrics;
import dev.surveyor.height.nn.Architecture;
import dev.surveyor.height.predict.HeightModel;
import dev.surveyor.height.predict.ModelCard;
import dev.surveyor.height.synth.ConfigSyntheticScene;
import dev.surveyor.height.synth.SyntheticSceneGenerator;
import dev.surveyor.learn.LearnEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeightTrainerTest {
    static ImageHeightPair scene(long seed, int size) {
        ConfigSyntheticScene c = new ConfigSyntheticScene();
        c.widthPx = size;
        c.heightPx = size;
        c.buildingCoverFraction = 0.5;
        c.maxBuildingSideM = 40;
        c.maxFloors = 8;
        c.seed = seed;
        return SyntheticSceneGenerator.create(c).generate().toPair("syn" + seed);
    }

    static ConfigHeightTraining tiny() {
        ConfigHeightTraining t = new ConfigHeightTraining();
        t.net.architecture = Architecture.MRFED;
        t.net.widthMultiplier = 1.0 / 16;
        t.net.sizePreservingBlocks = 0;
        t.cropPx = 64;
        t.batchSize = 1;
        t.augmentation = DihedralSet.NONE;
        t.learningRate = 3e-3;
        t.loss = LossKind.L1;
        t.seed = 3;
        return t;
    }

    @Test
    void tinyMrfedOverfitsOneSyntheticScene(@TempDir Path dir) throws Exception {
        LearnEngine.start(1);
        ImageHeightPair s = scene(12, 64);
        double meanAbs = 0;
        for (float v : s.heightM()) {
            meanAbs += Math.abs(v);
        }
        meanAbs /= s.heightM().length;
        ConfigHeightTraining t = tiny();
        t.net.widthMultiplier = 0.125;
        t.epochs = 5;
        t.stepsPerEpoch = 50;
        t.learningRate = 1e-2;
        TrainingOutcome out =
                HeightTrainer.create(t)
                        .train(
                                new TileSplit(List.of(s), List.of(s)),
                                dir,
                                null,
                                false,
                                "test",
                                ProgressListener.NONE,
                                r -> {});
        HeightMetrics first = out.history().get(0).validation();
        HeightMetrics best = out.history().get(out.bestEpoch() - 1).validation();
        assertTrue(meanAbs > 3, "scene has buildings: mean height " + meanAbs);
        assertTrue(
                best.maeM() < 0.2 * meanAbs && best.maeM() < first.maeM() / 2.5,
                "MAE "
                        + best.maeM()
                        + " m should fall below 20% of the mean height "
                        + meanAbs
                        + " m (first epoch "
                        + first.maeM()
                        + ")");
        // the kept model's card names its epoch and carries the whole run's history
        dev.surveyor.height.predict.ModelCard card =
                dev.surveyor.height.predict.HeightModel.readCard(dir);
        assertEquals(out.bestEpoch(), card.bestEpoch());
        assertEquals(5, ((List<?>) card.metrics().get("history")).size());
        assertEquals(
                best.maeM(),
                ((Number) ((Map<?, ?>) card.metrics().get("validation")).get("maeM")).doubleValue(),
                1e-9);
    }

    @Test
    void resumeContinuesAndSavedModelReloadsBitExactly(@TempDir Path dir) throws Exception {
        LearnEngine.start(1);
        ImageHeightPair a = scene(21, 64);
        ImageHeightPair b = scene(22, 64);
        ConfigHeightTraining t = tiny();
        t.epochs = 1;
        t.stepsPerEpoch = 3;
        TileSplit split = new TileSplit(List.of(a), List.of(b));
        train(t, split, dir, false);
        t.epochs = 2;
        TrainingOutcome second = train(t, split, dir, true);
        assertEquals(2, second.history().size());
        assertEquals(2, second.history().get(1).epoch());
        ModelCard card = HeightModel.readCard(dir);
        assertEquals(List.of("syn21"), card.trainTiles());
        assertEquals(List.of("syn22"), card.validationTiles());
        try (HeightModel m1 = HeightModel.load(dir.resolve("checkpoint"));
                HeightModel m2 = HeightModel.load(dir.resolve("checkpoint"))) {
            float[] p1 = m1.predictWindow(b.bands(), 64, 64);
            float[] p2 = m2.predictWindow(b.bands(), 64, 64);
            assertArrayEquals(p1, p2);
            HeightMetrics v = HeightMetrics.of(b.heightM(), p1, 0);
            assertEquals(second.history().get(1).validation().maeM(), v.maeM(), 1e-4);
        }
    }

    /**
     * With a weight average and a cosine decay: every epoch is validated on the averaged weights,
     * the kept model holds them, the checkpoint the trained ones, and a resumed run continues the
     * same average.
     */
    @Test
    void weightAverageIsValidatedKeptAndResumed(@TempDir Path dir) throws Exception {
        LearnEngine.start(1);
        ImageHeightPair a = scene(31, 64);
        ImageHeightPair b = scene(32, 64);
        TileSplit split = new TileSplit(List.of(a), List.of(b));
        ConfigHeightTraining t = tiny();
        t.averageDecay = 0.8;
        t.finalLearningRateFraction = 0.1;
        t.epochs = 2;
        t.stepsPerEpoch = 4;
        TrainingOutcome whole = train(t, split, dir.resolve("whole"), false);
        double bestMae = whole.history().get(whole.bestEpoch() - 1).validation().maeM();
        try (HeightModel kept = HeightModel.load(dir.resolve("whole"));
                HeightModel trained = HeightModel.load(dir.resolve("whole/checkpoint"))) {
            float[] pk = kept.predictWindow(b.bands(), 64, 64);
            assertEquals(bestMae, HeightMetrics.of(b.heightM(), pk, 0).maeM(), 1e-4);
            float[] pt = trained.predictWindow(b.bands(), 64, 64);
            double diff = 0;
            for (int i = 0; i < pk.length; i++) {
                diff = Math.max(diff, Math.abs(pk[i] - pt[i]));
            }
            assertTrue(diff > 1e-3, "average and trained weights differ: " + diff);
        }
        // one epoch, then resumed to two: the same validation as the uninterrupted run
        Path parts = dir.resolve("parts");
        t.epochs = 1;
        // the cosine follows the epoch count, so the first part runs the rate of epoch 1 of 2
        t.finalLearningRateFraction = 1;
        ConfigHeightTraining fixed = t.copy();
        fixed.epochs = 2;
        TrainingOutcome wholeFixed = train(fixed, split, dir.resolve("wf"), false);
        train(t, split, parts, false);
        t.epochs = 2;
        TrainingOutcome resumed = train(t, split, parts, true);
        assertEquals(
                wholeFixed.history().get(1).validation().maeM(),
                resumed.history().get(1).validation().maeM(),
                1e-5);
    }

    /**
     * Without a validation tile (a final model on every tile) the last epoch is kept, also after a
     * resume: the kept parameters are the checkpoint's.
     */
    @Test
    void withoutValidationTheLastEpochIsKept(@TempDir Path dir) throws Exception {
        LearnEngine.start(1);
        ImageHeightPair a = scene(41, 64);
        TileSplit split = new TileSplit(List.of(a), List.of());
        ConfigHeightTraining t = tiny();
        t.epochs = 2;
        t.stepsPerEpoch = 2;
        assertEquals(2, train(t, split, dir, false).bestEpoch());
        t.epochs = 3;
        TrainingOutcome out = train(t, split, dir, true);
        assertEquals(3, out.bestEpoch());
        assertEquals(3, HeightModel.readCard(dir).bestEpoch());
        try (HeightModel kept = HeightModel.load(dir);
                HeightModel last = HeightModel.load(dir.resolve("checkpoint"))) {
            assertArrayEquals(
                    last.predictWindow(a.bands(), 64, 64), kept.predictWindow(a.bands(), 64, 64));
        }
    }

    private static TrainingOutcome train(
            ConfigHeightTraining t, TileSplit split, Path dir, boolean resume) throws Exception {
        return HeightTrainer.create(t)
                .train(split, dir, null, resume, "test", ProgressListener.NONE, r -> {});
    }

    @Test
    void cosineDecayReachesTheFinalFraction() {
        ConfigHeightTraining t = tiny();
        t.epochs = 5;
        t.learningRate = 1e-3;
        t.finalLearningRateFraction = 0.1;
        HeightTrainer tr = HeightTrainer.create(t);
        assertEquals(1e-3, tr.learningRate(1, 0), 1e-12);
        assertEquals(0.55e-3, tr.learningRate(3, 0), 1e-12);
        assertEquals(1e-4, tr.learningRate(5, 0), 1e-12);
        // a time budget half spent at epoch 2 of 5 sets the rate
        t.maxSeconds = 100;
        assertEquals(0.55e-3, HeightTrainer.create(t).learningRate(2, 50), 1e-12);
    }

    @Test
    void validationPredictsWithTheTestTimeAugmentationTheModelWillUse() throws Exception {
        LearnEngine.start(1);
        LearnEngine.seed(5);
        ImageHeightPair s = scene(21, 64);
        ConfigHeightTraining t = tiny();
        t.net.inputBands = s.bands().length;
        DihedralSet rows = DihedralSet.parse("identity,flip-rows");
        t.testTimeAugmentation = rows;
        try (HeightModel m =
                HeightModel.create(
                        t.net, dev.surveyor.height.data.BandNormalization.fit(List.of(s)), 10)) {
            HeightMetrics v = HeightTrainer.create(t).validate(m, List.of(s));
            HeightMetrics with =
                    HeightMetrics.of(s.heightM(), m.predictWindow(s.bands(), 64, 64, rows), 0);
            HeightMetrics plain =
                    HeightMetrics.of(s.heightM(), m.predictWindow(s.bands(), 64, 64), 0);
            assertEquals(with.rmseM(), v.rmseM(), 1e-6);
            assertTrue(Math.abs(plain.rmseM() - v.rmseM()) > 1e-4, plain.rmseM() + " " + v.rmseM());
        }
    }
}
