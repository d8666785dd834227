package dev.surveyor.craters.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.craters.Crater;
import dev.surveyor.craters.centernet.CenterNetLosses;
import dev.surveyor.craters.centernet.CenterNetTargets;
import dev.surveyor.craters.eval.CraterMatcher;
import dev.surveyor.craters.eval.DetectionScores;
import dev.surveyor.learn.LearnEngine;
import dev.surveyor.learn.TrainingLoop;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CenterNetModelTest {
    @TempDir Path tmp;

    @Test
    void ndArrayLossEqualsArrayReference() {
        LearnEngine.start(1);
        Random rnd = new Random(5);
        int o = 16, plane = o * o;
        List<Crater> cr =
                List.of(Crater.truth(9, 13, 10), Crater.truth(40, 30, 14), Crater.truth(50, 52, 7));
        CenterNetTargets.Maps t = new CenterNetTargets(4).encode(cr, o, o);
        float[] logits = new float[plane];
        float[] prob = new float[plane];
        float[] off = new float[2 * plane];
        float[] sz = new float[2 * plane];
        for (int i = 0; i < plane; i++) {
            logits[i] = (float) (rnd.nextGaussian() * 2);
            prob[i] = (float) (1 / (1 + Math.exp(-logits[i])));
        }
        for (int i = 0; i < 2 * plane; i++) {
            off[i] = rnd.nextFloat();
            sz[i] = 3 * rnd.nextFloat();
        }
        double expected = CenterNetLosses.total(prob, off, sz, t);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] out = new float[5 * plane];
            System.arraycopy(logits, 0, out, 0, plane);
            System.arraycopy(off, 0, out, plane, 2 * plane);
            System.arraycopy(sz, 0, out, 3 * plane, 2 * plane);
            NDList pred = new NDList(m.create(out, new Shape(1, 5, o, o)));
            NDList labels =
                    new NDList(
                            m.create(t.heatmap(), new Shape(1, 1, o, o)),
                            m.create(t.offset(), new Shape(1, 2, o, o)),
                            m.create(t.size(), new Shape(1, 2, o, o)),
                            m.create(t.mask(), new Shape(1, 1, o, o)));
            NDArray loss = CenterNetLoss.total(pred, labels);
            assertEquals(DataType.FLOAT32, loss.getDataType());
            assertEquals(expected, loss.getFloat(), 1e-4 * Math.abs(expected));
        }
    }

    @Test
    void backbonesGiveFiveChannelsAtTheOutputStride() {
        LearnEngine.start(1);
        for (ConfigCenterNet c :
                List.of(ConfigCenterNet.small(), ConfigCenterNet.hourglassSmall(), tinyResnet(4))) {
            Block b = CenterNetNetworks.build(c).network();
            try (NDManager m = NDManager.newBaseManager()) {
                b.initialize(m, DataType.FLOAT32, new Shape(1, 1, 64, 64));
                Shape out = b.getOutputShapes(new Shape[] {new Shape(1, 1, 64, 64)})[0];
                assertEquals(
                        new Shape(1, 5, 64 / c.outputStride, 64 / c.outputStride), out, c.backbone);
                NDArray y =
                        b.forward(
                                        new ParameterStore(m, false),
                                        new NDList(m.zeros(new Shape(2, 1, 64, 64))),
                                        false)
                                .get(0);
                assertEquals(
                        new Shape(2, 5, 64 / c.outputStride, 64 / c.outputStride), y.getShape());
                // heatmap bias -2.19: the output of a zero image is sigmoid(-2.19) + head(0)... at
                // least the bias is set
                boolean found = false;
                for (var p : b.getParameters()) {
                    Parameter par = p.getValue();
                    if (par.getType() == Parameter.Type.BIAS && par.getArray().size() == 1) {
                        assertEquals(
                                CenterNetNetworks.HEATMAP_BIAS, par.getArray().getFloat(0), 1e-6);
                        found = true;
                    }
                }
                assertTrue(found);
            }
        }
        // the paper's big backbones build and give the right shapes (not initialised: cheap)
        for (ConfigCenterNet c :
                List.of(
                        ConfigCenterNet.resnet18(),
                        ConfigCenterNet.resnet50(),
                        ConfigCenterNet.hourglass104())) {
            Block b = CenterNetNetworks.build(c).network();
            try (NDManager m = NDManager.newBaseManager()) {
                b.initialize(m, DataType.FLOAT32, new Shape(1, 3 - 2, 128, 128));
                assertEquals(
                        new Shape(1, 5, 32, 32),
                        b.getOutputShapes(new Shape[] {new Shape(1, 1, 128, 128)})[0],
                        c.backbone);
            }
        }
    }

    static ConfigCenterNet tinyResnet(int stride) {
        ConfigCenterNet c = new ConfigCenterNet();
        c.outputStride = stride;
        c.stemChannels = 8;
        c.widths = new int[] {16, 16, 24};
        c.headChannels = 16;
        return c;
    }

    @Test
    void tinyModelOverfitsSyntheticCraters() throws Exception {
        List<LabelledImage> train = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            train.add(SyntheticCraters.scene(64, 6, 8, 16, 100 + i));
        }
        ConfigCraterTraining c = new ConfigCraterTraining();
        c.network = tinyResnet(2);
        c.augmentation.windowPx = 64;
        c.augmentation.scaleJitter = 1.0;
        c.augmentation.flipsAndRotations = false;
        c.augmentation.contrastJitter = 0;
        c.augmentation.brightnessJitter = 0;
        c.batchSize = 3;
        c.batchesPerEpoch = 40;
        c.training.epochs = 4;
        c.training.learningRate = 5e-3;
        c.training.threads = 1;
        c.validation = List.of();
        Path out = tmp.resolve("m");
        List<TrainingLoop.EpochResult> r =
                CraterTraining.train(
                        train, "synthetic", c, out, null, ProgressListener.NONE, e -> {});
        assertEquals(4, r.size());
        assertTrue(r.get(3).meanLoss() < r.get(0).meanLoss(), "loss decreases: " + r);
        try (CenterNetDetector det = CenterNetDetector.load(out, 1)) {
            List<Crater> truth = new ArrayList<>();
            List<Crater> dets = new ArrayList<>();
            double shift = 0;
            for (LabelledImage li : train) {
                for (Crater k : li.craters()) {
                    truth.add(k.shifted(shift, 0));
                }
                for (Crater k :
                        det.detect(ImageWindows.of(li.image()), 0.05, ProgressListener.NONE)) {
                    dets.add(k.shifted(shift, 0));
                }
                shift += 1000;
            }
            CraterMatcher.Matching m = new CraterMatcher(0.5, 0).match(truth, dets);
            DetectionScores.AtThreshold best = DetectionScores.bestF1(m);
            assertTrue(best.f1() >= 0.9, "F1 " + best);
        }
    }

    @Test
    void tiledDetectionEqualsOneWindowAwayFromSeams() throws Exception {
        LearnEngine.start(1);
        // A fixed "network": heatmap logit = 10 * (x - 0.5) on a stride-4 average of the input,
        // offsets 0.5, size 2 cells: bright 4x4 blocks become craters of 8 px at their centres.
        Block fake =
                new LambdaBlock(
                        l -> {
                            NDArray x = l.singletonOrThrow();
                            NDArray pooled = FakeNetworks.stride4Means(x);
                            NDArray hm = pooled.sub(0.5f).mul(10f);
                            NDArray half = pooled.zerosLike().add(0.5f);
                            NDArray two = pooled.zerosLike().add(2f);
                            return new NDList(
                                    ai.djl.ndarray.NDArrays.concat(
                                            new NDList(hm, half, half, two, two), 1));
                        });
        int w = 700, h = 532;
        float[] im = new float[w * h];
        Random rnd = new Random(9);
        List<Crater> truth = new ArrayList<>();
        for (int by = 0; by < h / 4 - 1; by += 3) {
            for (int bx = 0; bx < w / 4 - 1; bx += 3) {
                if (rnd.nextDouble() < 0.3) {
                    float v = 0.6f + 0.4f * rnd.nextFloat();
                    for (int y = 0; y < 4; y++) {
                        for (int x = 0; x < 4; x++) {
                            im[(by * 4 + y) * w + bx * 4 + x] = v;
                        }
                    }
                    truth.add(Crater.truth(bx * 4 + 2, by * 4 + 2, 8));
                }
            }
        }
        GrayImage g = new GrayImage(im, w, h);
        try (NDManager m = NDManager.newBaseManager()) {
            fake.initialize(m, DataType.FLOAT32, new Shape(1, 1, 64, 64));
            List<Crater> tiled =
                    new TiledInference(fake, m, 4, 0, 1, 128, 32, 3)
                            .detect(ImageWindows.of(g), 0.5, ProgressListener.NONE);
            assertEquals(truth.size(), tiled.size());
            CraterMatcher.Matching mt = new CraterMatcher(0.99, 0).match(truth, tiled);
            assertEquals(1.0, DetectionScores.at(mt, 0).f1(), 1e-12);
        }
    }
}
