package dev.surveyor.height.predict;

import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.height.data.DihedralSet;
import dev.surveyor.height.data.InputView;
import dev.surveyor.learn.EnsembleDirectory;
import dev.surveyor.learn.ModelDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mean of the height predictions of several independently trained networks (a deep ensemble).
 * Networks started from different pre-training, or trained on other augmentations, make errors that
 * partly cancel; unlike a {@link dev.surveyor.learn.ModelSoup} (one network with averaged
 * parameters) the members may differ in architecture, normalisation and height scale, and
 * prediction costs the sum of theirs.
 *
 * <p>Directory layout: {@code ensemble.json} ({@link EnsembleCard}) and one model directory per
 * member ({@code member-1/}, {@code member-2/}, ...: {@code model.json} + {@code model.params}).
 * All members read the same input (image bands and views). Each member predicts with its own
 * test-time augmentation default unless one set is given for all. Not thread-safe.
 */
public final class HeightEnsemble implements HeightPredictor {
    /** Card file name inside an ensemble directory. */
    public static final String CARD_FILE = "ensemble.json";

    private final List<HeightModel> members;
    private final Path directory;

    private HeightEnsemble(List<HeightModel> members, Path directory) {
        this.members = List.copyOf(members);
        this.directory = directory;
    }

    /** Whether {@code dir} holds {@code ensemble.json}. */
    public static boolean isEnsemble(Path dir) {
        return Files.isRegularFile(dir.resolve(CARD_FILE));
    }

    /**
     * Copies model directories into a new ensemble directory {@code out} ({@code member-1/}, ... in
     * the given order) and writes its {@code ensemble.json}. The directory appears whole or not at
     * all (written beside it under a temporary name, then renamed).
     *
     * @param memberDirs at least two model directories (not ensembles) with the same input bands
     *     and views
     * @param out a directory that does not exist yet
     * @param command the command line recorded in {@code ensemble.json}
     * @throws IllegalArgumentException naming the {@code model.json} whose input differs from the
     *     first member's, or {@code out} when it exists
     */
    public static void write(List<Path> memberDirs, Path out, String command) throws IOException {
        if (memberDirs.size() >= 2) {
            readCheckedCards(memberDirs);
        }
        List<String> sources = memberDirs.stream().map(Path::toString).toList();
        EnsembleDirectory.write(
                memberDirs,
                List.of(HeightModel.CARD_FILE, HeightModel.PARAMS_FILE),
                out,
                (staged, names) ->
                        HeightModel.writeCardFile(
                                staged.resolve(CARD_FILE),
                                new EnsembleCard(EnsembleCard.FORMAT, names, sources, command)));
    }

    /** Loads an ensemble directory (every member's network). */
    public static HeightEnsemble load(Path dir) throws IOException {
        List<Path> dirs = memberDirs(dir);
        List<ModelCard> cards = readCheckedCards(dirs);
        List<HeightModel> loaded = new ArrayList<>();
        try {
            for (int i = 0; i < dirs.size(); i++) {
                loaded.add(HeightModel.load(dirs.get(i), cards.get(i)));
            }
        } catch (IOException | RuntimeException e) {
            loaded.forEach(HeightModel::close);
            throw e;
        }
        return new HeightEnsemble(loaded, dir);
    }

    /** Reads {@code ensemble.json}. */
    public static EnsembleCard readCard(Path dir) throws IOException {
        return HeightModel.readCardFile(
                dir.resolve(CARD_FILE),
                EnsembleCard.class,
                EnsembleCard::format,
                EnsembleCard.FORMAT);
    }

    /** The members' {@code model.json}, in order, checked to read the same input. */
    static List<ModelCard> readMemberCards(Path dir) throws IOException {
        return readCheckedCards(memberDirs(dir));
    }

    private static List<Path> memberDirs(Path dir) throws IOException {
        try {
            return readCard(dir).memberDirs(dir);
        } catch (IllegalArgumentException e) {
            throw new RasterFormatException(dir.resolve(CARD_FILE), e.getMessage());
        }
    }

    /**
     * The {@code model.json} of each directory, in order, checked to read the same input bands and
     * views as the first.
     */
    private static List<ModelCard> readCheckedCards(List<Path> dirs) throws IOException {
        List<ModelCard> cards = new ArrayList<>();
        for (Path d : dirs) {
            cards.add(HeightModel.readCard(d));
        }
        ModelCard first = cards.get(0);
        for (int i = 1; i < cards.size(); i++) {
            ModelCard c = cards.get(i);
            String field =
                    c.inputBands() != first.inputBands()
                            ? "inputBands " + c.inputBands()
                            : !c.views().equals(first.views()) ? "views " + c.views() : null;
            if (field != null) {
                throw ModelDir.mismatch(
                        dirs.get(i).resolve(HeightModel.CARD_FILE),
                        field,
                        dirs.get(0).resolve(HeightModel.CARD_FILE));
            }
        }
        return cards;
    }

    /** The members, in order. */
    public List<HeightModel> members() {
        return members;
    }

    /**
     * The mean of the members' predictions of the window.
     *
     * @param tta the transforms every member averages over, or null for each member's own default
     */
    @Override
    public float[] predictWindow(float[][] bands, int w, int h, DihedralSet tta) {
        float[] acc = new float[w * h];
        float weight = 1f / members.size();
        for (HeightModel m : members) {
            float[] p = m.predictWindow(bands, w, h, tta);
            for (int i = 0; i < acc.length; i++) {
                acc[i] += p[i] * weight;
            }
        }
        return acc;
    }

    @Override
    public List<InputView> views() {
        return members.get(0).views();
    }

    @Override
    public int imageBands() {
        return members.get(0).imageBands();
    }

    @Override
    public Optional<Path> directory() {
        return Optional.of(directory);
    }

    @Override
    public void close() {
        members.forEach(HeightModel::close);
    }
}
