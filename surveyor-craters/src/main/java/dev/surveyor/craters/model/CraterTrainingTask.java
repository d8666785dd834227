package dev.surveyor.craters.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.craters.Crater;
import dev.surveyor.craters.centernet.CenterNetTargets;
import dev.surveyor.craters.eval.CraterMatcher;
import dev.surveyor.craters.eval.DetectionScores;
import dev.surveyor.learn.TrainingTask;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * CenterNet crater training for {@link dev.surveyor.learn.TrainingLoop}: augmented windows from
 * {@link WindowSampler}, targets from {@link CenterNetTargets}, the loss of {@link CenterNetLoss},
 * and validation by tiled detection on whole validation images scored with box IoU >= 0.5 and the
 * minimum diameter: {@code score} = AP@0.5 + best F1 (both reported, with the best-F1 threshold and
 * the median diameter ratio).
 */
public final class CraterTrainingTask implements TrainingTask {
    private final WindowSampler sampler;
    private final CenterNetTargets targets;
    private final List<LabelledImage> validation;
    private final int batchSize;
    private final int batchesPerEpoch;
    private final int windowPx;
    private final int stride;
    private final InputNormalisation normalisation;
    private final double minDiameterPx;

    /**
     * @param sampler training windows
     * @param validation validation images (whole)
     * @param windowPx window side
     * @param outputStride R
     * @param batchSize windows per batch
     * @param batchesPerEpoch batches per epoch
     * @param normalisation input normalisation of the validation images
     * @param minDiameterPx minimum diameter for validation scoring
     */
    public CraterTrainingTask(
            WindowSampler sampler,
            List<LabelledImage> validation,
            int windowPx,
            int outputStride,
            int batchSize,
            int batchesPerEpoch,
            InputNormalisation normalisation,
            double minDiameterPx) {
        this.sampler = sampler;
        this.validation = List.copyOf(validation);
        this.windowPx = windowPx;
        this.stride = outputStride;
        this.targets = new CenterNetTargets(outputStride);
        this.batchSize = batchSize;
        this.batchesPerEpoch = batchesPerEpoch;
        this.normalisation = normalisation;
        this.minDiameterPx = minDiameterPx;
    }

    @Override
    public Shape inputShape() {
        return new Shape(batchSize, 1, windowPx, windowPx);
    }

    @Override
    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    @Override
    public Batch nextBatch(NDManager manager, Random random) {
        int n = windowPx, o = n / stride, plane = o * o;
        float[] x = new float[batchSize * n * n];
        float[] hm = new float[batchSize * plane];
        float[] off = new float[batchSize * 2 * plane];
        float[] sz = new float[batchSize * 2 * plane];
        float[] mask = new float[batchSize * plane];
        for (int b = 0; b < batchSize; b++) {
            WindowSampler.Window w = sampler.next(random);
            System.arraycopy(w.data(), 0, x, b * n * n, n * n);
            CenterNetTargets.Maps t = targets.encode(w.craters(), o, o);
            System.arraycopy(t.heatmap(), 0, hm, b * plane, plane);
            System.arraycopy(t.offset(), 0, off, b * 2 * plane, 2 * plane);
            System.arraycopy(t.size(), 0, sz, b * 2 * plane, 2 * plane);
            System.arraycopy(t.mask(), 0, mask, b * plane, plane);
        }
        NDList in = new NDList(manager.create(x, new Shape(batchSize, 1, n, n)));
        NDList labels =
                new NDList(
                        manager.create(hm, new Shape(batchSize, 1, o, o)),
                        manager.create(off, new Shape(batchSize, 2, o, o)),
                        manager.create(sz, new Shape(batchSize, 2, o, o)),
                        manager.create(mask, new Shape(batchSize, 1, o, o)));
        return new Batch(in, labels);
    }

    @Override
    public NDArray loss(NDList predictions, NDList labels) {
        return CenterNetLoss.total(predictions, labels);
    }

    @Override
    public Map<String, Double> validate(Block block, NDManager manager) throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        if (validation.isEmpty()) {
            return m;
        }
        List<Crater> truth = new ArrayList<>();
        List<Crater> dets = new ArrayList<>();
        double shift = 0;
        // images are placed side by side (offset in x) so one matching scores them all
        int size = Math.max(64, windowPx * 2);
        size -= size % 32;
        for (LabelledImage li : validation) {
            double[] ms = normalisation.statsOf(li.image());
            TiledInference inf =
                    new TiledInference(block, manager, stride, ms[0], ms[1], size, 32, 1);
            for (Crater c : li.craters()) {
                truth.add(c.shifted(shift, 0));
            }
            for (Crater c : inf.detect(ImageWindows.of(li.image()), 0.05, ProgressListener.NONE)) {
                dets.add(c.shifted(shift, 0));
            }
            shift += li.image().width() + 1000;
        }
        CraterMatcher.Matching mt = new CraterMatcher(0.5, minDiameterPx).match(truth, dets);
        DetectionScores.AtThreshold best = DetectionScores.bestF1(mt);
        double ap = DetectionScores.averagePrecision(mt);
        m.put("ap50", ap);
        m.put("f1", best.f1());
        m.put("precision", best.precision());
        m.put("recall", best.recall());
        m.put("threshold", best.threshold());
        m.put("diameterRatio", best.medianDiameterRatio());
        m.put("score", ap + best.f1());
        return m;
    }
}
