package dev.surveyor.craters.model;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.craters.Crater;
import dev.surveyor.learn.LearnEngine;
import dev.surveyor.learn.ModelDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained CenterNet crater detector loaded from a model directory ({@code model.json} + {@code
 * best.params}), detecting over images of any size with {@link TiledInference}.
 *
 * <p>Close it to free the native memory. Not thread-safe.
 */
public final class CenterNetDetector implements CraterDetector {
    private final Model model;
    private final ObjectNode json;
    private final DetectionSettings settings;
    private final ConfigCenterNet architecture;
    private int windowPx;
    private int overlapPx;
    private int batchSize = 4;
    private int coarseFactor = 1;
    private TestTimeAugmentation augmentation;
    private TestScales scales;
    private double coarseMinDiameterPx = 0;

    private CenterNetDetector(Model model, ObjectNode json, DetectionSettings settings) {
        this.model = model;
        this.json = json;
        this.settings = settings;
        this.architecture = settings.architecture();
        this.windowPx = settings.windowPx();
        this.overlapPx = DetectionSettings.defaultOverlapPx(windowPx);
        this.augmentation = settings.augmentation();
        this.scales = settings.scales();
    }

    /**
     * Sets multi-scale testing (see {@link TestScales}). Default: model.json's {@code testScales}
     * ({@link TestScales#SINGLE} when absent), under which its threshold was chosen.
     */
    @Override
    public CenterNetDetector scales(TestScales scales) {
        this.scales = java.util.Objects.requireNonNull(scales, "scales");
        return this;
    }

    /**
     * Sets the test-time augmentation. Default: model.json's (see {@link
     * TestTimeAugmentation#fromModelJson}), under which its threshold was chosen.
     */
    @Override
    public CenterNetDetector augmentation(TestTimeAugmentation tta) {
        this.augmentation = java.util.Objects.requireNonNull(tta, "tta");
        return this;
    }

    /**
     * Loads a model directory.
     *
     * @param dir model directory
     * @param threads intra-op threads (0 = engine default); effective only before the engine starts
     */
    public static CenterNetDetector load(Path dir, int threads) throws IOException {
        return load(dir, threads, ModelDir.BEST);
    }

    /** Loads a model directory with the named parameter file (e.g. {@code best}, {@code last}). */
    public static CenterNetDetector load(Path dir, int threads, String paramsName)
            throws IOException {
        LearnEngine.start(threads);
        ModelDir md = new ModelDir(dir);
        ObjectNode json = md.readJson();
        DetectionSettings settings = DetectionSettings.read(md, json);
        Model model = CenterNetNetworks.load(md, settings.architecture(), paramsName);
        return new CenterNetDetector(model, json, settings);
    }

    /** The best-F1 threshold on validation stored in model.json (0.3 when absent). */
    @Override
    public double defaultThreshold() {
        return settings.threshold();
    }

    /**
     * The factor applied to decoded diameters (model.json {@code sizeScale}, 1 when absent): set by
     * calibration to a labelling convention that differs from the training labels.
     */
    public double sizeScale() {
        return settings.sizeScale();
    }

    /** The input normalisation of model.json. */
    public InputNormalisation normalisation() {
        return settings.normalisation();
    }

    /** The model description. */
    public ObjectNode modelJson() {
        return json.deepCopy();
    }

    /** The architecture. */
    public ConfigCenterNet architecture() {
        return architecture.copy();
    }

    /** Sets the window side (px; rounded down to the network's size multiple) and overlap (px). */
    @Override
    public CenterNetDetector windows(int windowPx, int overlapPx) {
        this.windowPx = settings.windowPx(Checks.positive("windowPx", windowPx));
        this.overlapPx = Checks.inRange("overlapPx", overlapPx, 0, this.windowPx / 2 - 1);
        return this;
    }

    /** Sets the windows per forward pass. */
    @Override
    public CenterNetDetector batchSize(int batchSize) {
        this.batchSize = Checks.positive("batchSize", batchSize);
        return this;
    }

    /**
     * Enables the coarser pass for craters larger than a window: the image is also reduced {@code
     * factor} times by block means ({@link DownsampledWindows}), detected with the same windows,
     * and the coarse craters with a diameter of at least {@code minDiameterPx} (full-resolution
     * pixels) are merged with the fine ones by {@link #mergeCoarse}. {@code factor} 1 disables it.
     * The coarse pass runs with the same test-time augmentation and test scales as the fine one.
     *
     * @param factor reduction factor of the coarse pass, at least 1 (1 = no coarse pass)
     * @param minDiameterPx smallest coarse crater kept (px at full resolution); 0 = {@code 16 *
     *     factor} (16 px in the reduced image, well inside the sizes the shipped models learnt)
     */
    @Override
    public CenterNetDetector coarsePass(int factor, double minDiameterPx) {
        this.coarseFactor = Checks.positive("factor", factor);
        this.coarseMinDiameterPx = Checks.atLeast("minDiameterPx", minDiameterPx, 0.0);
        return this;
    }

    /**
     * Merges a coarse pass into the fine one: every fine crater is kept; a coarse crater is added
     * unless a fine crater overlaps it with box IoU >= 0.5 (the fine one locates it better).
     *
     * @param fine fine-pass craters
     * @param coarse coarse-pass craters already restricted to the large ones, full-resolution px
     * @return the union, descending score
     */
    public static List<Crater> mergeCoarse(List<Crater> fine, List<Crater> coarse) {
        double minCoarse = Double.POSITIVE_INFINITY;
        for (Crater c : coarse) {
            minCoarse = Math.min(minCoarse, c.diameterPx());
        }
        // box IoU >= 0.5 of two squares needs a side ratio >= 1/sqrt(2): only big fine craters
        // can hide a coarse one
        List<Crater> bigFine = new java.util.ArrayList<>();
        for (Crater f : fine) {
            if (f.diameterPx() >= minCoarse * 0.7) {
                bigFine.add(f);
            }
        }
        List<Crater> out = new java.util.ArrayList<>(fine);
        for (Crater c : coarse) {
            boolean dup = false;
            for (Crater f : bigFine) {
                if (f.boxIou(c) >= 0.5) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                out.add(c);
            }
        }
        out.sort(java.util.Comparator.comparingDouble(Crater::score).reversed());
        return out;
    }

    /**
     * Detects craters (and, when {@link #coarsePass} is set, large craters in a reduced copy).
     *
     * @param image the image
     * @param threshold minimum score
     * @param progress one step per window (per pass)
     * @return craters (pixel coordinates, corner origin), descending score
     */
    @Override
    public List<Crater> detect(ImageWindows image, double threshold, ProgressListener progress)
            throws IOException {
        double[] stats = normalisation().statsOf(image);
        List<Crater> fine = detectOnePass(image, stats, threshold, progress);
        if (coarseFactor <= 1) {
            return fine;
        }
        int f = coarseFactor;
        double minD = coarseMinDiameterPx > 0 ? coarseMinDiameterPx : 16.0 * f;
        List<Crater> coarse = new java.util.ArrayList<>();
        for (Crater c :
                detectOnePass(new DownsampledWindows(image, f), stats, threshold, progress)) {
            Crater full = new Crater(c.xPx() * f, c.yPx() * f, c.diameterPx() * f, c.score());
            if (full.diameterPx() >= minD) {
                coarse.add(full);
            }
        }
        return mergeCoarse(fine, coarse);
    }

    private List<Crater> detectOnePass(
            ImageWindows image, double[] stats, double threshold, ProgressListener progress)
            throws IOException {
        Checks.inRange("threshold", threshold, 0.0, 1.0);
        try (NDManager m = model.getNDManager().newSubManager()) {
            return settings.scaleDiameters(
                    new TiledInference(
                                    model.getBlock(),
                                    m,
                                    architecture.outputStride,
                                    stats[0],
                                    stats[1],
                                    windowPx,
                                    overlapPx,
                                    batchSize)
                            .withAugmentation(augmentation)
                            .withScales(scales, architecture.sizeMultiple())
                            .detect(image, threshold, progress));
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
