package dev.surveyor.craters.model;

import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.craters.Crater;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A crater detector loaded from a model directory: one network ({@link CenterNetDetector}) or a
 * deep ensemble of several ({@link CraterEnsemble}). Detects over images of any size in overlapped
 * windows; craters in pixel coordinates with the origin at the top-left corner of the top-left
 * pixel, descending score.
 *
 * <p>The setters override the detection defaults stored with the model (for an ensemble: of every
 * member). Close it to free the native memory. Not thread-safe.
 */
public interface CraterDetector extends AutoCloseable {
    /**
     * Loads a model directory: an ensemble when it holds {@link CraterEnsemble#CARD_FILE}, else one
     * network ({@code model.json} + {@code best.params}).
     *
     * @param dir model directory
     * @param threads intra-op threads (0 = engine default); effective only before the engine starts
     */
    static CraterDetector load(Path dir, int threads) throws IOException {
        return CraterEnsemble.isEnsemble(dir)
                ? CraterEnsemble.load(dir, threads)
                : CenterNetDetector.load(dir, threads);
    }

    /** The default threshold stored with the model: its best-F1 threshold on validation. */
    double defaultThreshold();

    /** Sets multi-scale testing (see {@link TestScales}). */
    CraterDetector scales(TestScales scales);

    /** Sets the test-time augmentation. */
    CraterDetector augmentation(TestTimeAugmentation tta);

    /** Sets the window side (px) and overlap (px). */
    CraterDetector windows(int windowPx, int overlapPx);

    /** Sets the windows per forward pass. */
    CraterDetector batchSize(int batchSize);

    /**
     * Enables the coarser pass for craters larger than a window (see {@link
     * CenterNetDetector#coarsePass}); {@code factor} 1 disables it.
     */
    CraterDetector coarsePass(int factor, double minDiameterPx);

    /**
     * Detects craters.
     *
     * @param image the image
     * @param threshold minimum score, in [0, 1]
     * @param progress one step per window and pass
     * @return craters (pixel coordinates, corner origin), descending score
     */
    List<Crater> detect(ImageWindows image, double threshold, ProgressListener progress)
            throws IOException;

    @Override
    void close();
}
