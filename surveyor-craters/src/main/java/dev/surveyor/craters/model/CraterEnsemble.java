package dev.surveyor.craters.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.craters.Crater;
import dev.surveyor.learn.EnsembleDirectory;
import dev.surveyor.learn.ModelDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A deep ensemble of crater detectors: every member detects over the whole image with its own
 * architecture, input normalisation, test-time augmentation and scales, and the members' craters
 * are fused by the weighted box fusion of {@link ScaleFusion} (the members take the place of the
 * scales): a crater found by every member keeps the mean of their scores, one found by one member
 * of {@code k} keeps {@code 1/k} of its score; centre and diameter are the score-weighted means.
 * Members detect down to {@code min(threshold, }{@link TiledInference#SCALE_MEMBER_FLOOR}{@code )}
 * and the threshold applies to the fused score. Networks trained from different starts (another
 * architecture or pre-training) miss and invent different craters; detection costs the sum of the
 * members'.
 *
 * <p>Directory layout: {@value #CARD_FILE} (format {@value #FORMAT}: {@code members}, {@code
 * sources}, {@code threshold} — the fused best-F1 threshold on validation — and {@code command})
 * and one crater model directory per member ({@code member-1/}, ...: {@code model.json} + {@code
 * best.params}). Not thread-safe.
 */
public final class CraterEnsemble implements CraterDetector {
    /** Card file name inside an ensemble directory. */
    public static final String CARD_FILE = "ensemble.json";

    /** Format tag of the card written by this version. */
    public static final String FORMAT = "surveyor-centernet-crater-ensemble/1";

    private final List<CenterNetDetector> members;
    private final double threshold;

    private CraterEnsemble(List<CenterNetDetector> members, double threshold) {
        this.members = List.copyOf(members);
        this.threshold = threshold;
    }

    /** Whether {@code dir} holds {@value #CARD_FILE}. */
    public static boolean isEnsemble(Path dir) {
        return Files.isRegularFile(dir.resolve(CARD_FILE));
    }

    /**
     * Copies crater model directories into a new ensemble directory {@code out} and writes its
     * card. The directory appears whole or not at all.
     *
     * @param memberDirs at least two crater model directories (not ensembles)
     * @param out a directory that does not exist yet
     * @param command the command line recorded in the card
     * @param threshold the ensemble's default threshold (its best-F1 threshold on validation), in
     *     [0, 1]
     * @throws IllegalArgumentException naming a member that is an ensemble or whose {@code
     *     model.json} has no valid detection settings, or {@code out} when it exists
     */
    public static void write(List<Path> memberDirs, Path out, String command, double threshold)
            throws IOException {
        Checks.inRange("threshold", threshold, 0.0, 1.0);
        for (Path m : memberDirs) {
            if (isEnsemble(m)) {
                throw new IllegalArgumentException(
                        m.resolve(CARD_FILE) + ": a member may not be an ensemble");
            }
            ModelDir md = new ModelDir(m);
            DetectionSettings.read(md, md.readJson());
        }
        EnsembleDirectory.write(
                memberDirs,
                List.of(ModelDir.MODEL_JSON, ModelDir.BEST + ".params"),
                out,
                (staged, names) -> {
                    ObjectNode card = ModelDir.json().createObjectNode();
                    card.put("format", FORMAT);
                    names.forEach(card.putArray("members")::add);
                    ArrayNode sources = card.putArray("sources");
                    memberDirs.forEach(d -> sources.add(d.toString()));
                    card.put("threshold", threshold);
                    card.put(
                            "fusion",
                            "weighted box fusion of the members' craters (box IoU >= 0.5, score ="
                                    + " sum / members)");
                    card.put("command", command);
                    new ModelDir(staged).writeJson(CARD_FILE, card);
                });
    }

    /**
     * Loads an ensemble directory (every member's network).
     *
     * @throws RasterFormatException naming {@value #CARD_FILE} when its format, members or
     *     threshold are not valid
     */
    public static CraterEnsemble load(Path dir, int threads) throws IOException {
        ObjectNode card = new ModelDir(dir).readJson(CARD_FILE);
        Path cardFile = dir.resolve(CARD_FILE);
        if (!FORMAT.equals(card.path("format").asText())) {
            throw new RasterFormatException(
                    cardFile
                            + ": format \""
                            + card.path("format").asText()
                            + "\" is not "
                            + FORMAT);
        }
        double thr = card.path("threshold").asDouble(Double.NaN);
        if (!(thr >= 0 && thr <= 1)) {
            throw new RasterFormatException(
                    cardFile + ": threshold " + card.path("threshold") + " is not in [0, 1]");
        }
        List<String> names = new ArrayList<>();
        card.path("members").forEach(n -> names.add(n.asText()));
        List<Path> dirs;
        try {
            dirs = EnsembleDirectory.memberDirs(dir, names);
        } catch (IllegalArgumentException e) {
            throw new RasterFormatException(cardFile + ": " + e.getMessage());
        }
        List<CenterNetDetector> loaded = new ArrayList<>();
        try {
            for (Path d : dirs) {
                loaded.add(CenterNetDetector.load(d, threads));
            }
        } catch (IOException | RuntimeException e) {
            loaded.forEach(CenterNetDetector::close);
            throw e;
        }
        return new CraterEnsemble(loaded, thr);
    }

    /** The members, in order. */
    public List<CenterNetDetector> members() {
        return members;
    }

    /** The threshold of {@value #CARD_FILE}, chosen for the fused scores. */
    @Override
    public double defaultThreshold() {
        return threshold;
    }

    @Override
    public CraterEnsemble scales(TestScales scales) {
        members.forEach(m -> m.scales(scales));
        return this;
    }

    @Override
    public CraterEnsemble augmentation(TestTimeAugmentation tta) {
        members.forEach(m -> m.augmentation(tta));
        return this;
    }

    @Override
    public CraterEnsemble windows(int windowPx, int overlapPx) {
        members.forEach(m -> m.windows(windowPx, overlapPx));
        return this;
    }

    @Override
    public CraterEnsemble batchSize(int batchSize) {
        members.forEach(m -> m.batchSize(batchSize));
        return this;
    }

    @Override
    public CraterEnsemble coarsePass(int factor, double minDiameterPx) {
        members.forEach(m -> m.coarsePass(factor, minDiameterPx));
        return this;
    }

    /**
     * Detects with every member and fuses their craters.
     *
     * @param progress one task per member
     */
    @Override
    public List<Crater> detect(ImageWindows image, double threshold, ProgressListener progress)
            throws IOException {
        Checks.inRange("threshold", threshold, 0.0, 1.0);
        double floor = Math.min(threshold, TiledInference.SCALE_MEMBER_FLOOR);
        List<List<Crater>> runs = new ArrayList<>();
        for (CenterNetDetector m : members) {
            runs.add(m.detect(image, floor, progress));
        }
        List<Crater> out = new ArrayList<>();
        for (Crater c : ScaleFusion.fuse(runs)) {
            if (c.score() >= threshold) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public void close() {
        members.forEach(CenterNetDetector::close);
    }
}
