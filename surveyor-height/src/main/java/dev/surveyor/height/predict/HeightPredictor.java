package dev.surveyor.height.predict;

import dev.surveyor.height.data.DihedralSet;
import dev.surveyor.height.data.InputView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What prediction needs of a height model: one network ({@link HeightModel}) or the mean of several
 * ({@link HeightEnsemble}). Input: raw image bands followed by the bands of the extra {@link
 * #views()}, each window row-major; output: height in metres. Not thread-safe.
 */
public interface HeightPredictor extends AutoCloseable {
    /**
     * Loads a model directory: an ensemble when it holds {@link HeightEnsemble#CARD_FILE}, else one
     * model ({@link HeightModel#CARD_FILE} + {@link HeightModel#PARAMS_FILE}).
     */
    static HeightPredictor load(Path dir) throws IOException {
        return HeightEnsemble.isEnsemble(dir) ? HeightEnsemble.load(dir) : HeightModel.load(dir);
    }

    /**
     * The cards of the networks of a model directory, without loading them: one for a model, one
     * per member (in order) for an ensemble, whose members share input bands and views.
     */
    static List<ModelCard> readCards(Path dir) throws IOException {
        return HeightEnsemble.isEnsemble(dir)
                ? HeightEnsemble.readMemberCards(dir)
                : List.of(HeightModel.readCard(dir));
    }

    /** Whether {@code dir} holds a model or an ensemble card. */
    static boolean isModelDirectory(Path dir) {
        return Files.isRegularFile(dir.resolve(HeightModel.CARD_FILE))
                || HeightEnsemble.isEnsemble(dir);
    }

    /**
     * Predicts heights for one window.
     *
     * @param bands (Input) raw bands, each {@code w * h} row-major floats. Not modified.
     * @param w columns
     * @param h rows
     * @param tta the flips/transposes each network's prediction is averaged over, or null for each
     *     network's own default ({@code model.json} {@code testTimeAugmentation})
     * @return height in metres, row-major {@code w * h}
     */
    float[] predictWindow(float[][] bands, int w, int h, DihedralSet tta);

    /** Extra views whose bands follow the image bands in the input, in order (may be empty). */
    List<InputView> views();

    /** Number of image bands: the input bands before the views'. */
    int imageBands();

    /** The directory the model was loaded from (empty for a model made in memory). */
    Optional<Path> directory();

    @Override
    void close();
}
