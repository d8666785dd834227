package dev.surveyor.height.predict;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.height.data.BandNormalization;
import dev.surveyor.height.data.DihedralSet;
import dev.surveyor.height.data.InputView;
import dev.surveyor.height.nn.ConfigHeightNet;
import dev.surveyor.height.nn.FactoryHeightNet;
import dev.surveyor.io.AtomicFiles;
import dev.surveyor.learn.LearnEngine;
import dev.surveyor.learn.ModelDir;
import dev.surveyor.learn.ModelSoup;
import dev.surveyor.learn.ScopedInference;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A height-regression network with its band normalisation and height scale.
 *
 * <p>Model directory layout: {@code model.json} ({@link ModelCard}) and {@code model.params} (DJL
 * block parameters). Prediction input: raw image bands followed by the bands of the model's extra
 * {@link #views()} (the normalisation is applied here); output: height in metres. Windows are
 * padded by mirror reflection to a multiple of 32 pixels. Batch norm runs in inference mode, so a
 * pixel's prediction depends only on its neighbourhood inside the window. Not thread-safe.
 */
public final class HeightModel implements HeightPredictor {
    /** Parameter file name inside a model directory. */
    public static final String PARAMS_FILE = "model.params";

    /** Card file name inside a model directory. */
    public static final String CARD_FILE = "model.json";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Model model;
    private final ConfigHeightNet net;
    private final BandNormalization norm;
    private final double heightScaleM;
    private final List<InputView> views;
    private Path directory;
    private DihedralSet defaultTestTimeAugmentation = DihedralSet.NONE;

    private HeightModel(
            Model model,
            ConfigHeightNet net,
            BandNormalization norm,
            double heightScaleM,
            List<InputView> views) {
        this.model = model;
        this.net = net;
        this.norm = norm;
        this.heightScaleM = heightScaleM;
        this.views = views;
    }

    /**
     * A new model with Glorot-normal weights (Xavier, Gaussian, fan average, magnitude 1: std =
     * sqrt(2 / (fan_in + fan_out))).
     */
    public static HeightModel create(
            ConfigHeightNet config, BandNormalization norm, double heightScaleM) {
        return create(config, norm, heightScaleM, List.of());
    }

    /**
     * A new model with Glorot-normal weights whose input is the image bands followed by the bands
     * of {@code views} ({@code config.inputBands} counts them all).
     */
    public static HeightModel create(
            ConfigHeightNet config,
            BandNormalization norm,
            double heightScaleM,
            List<InputView> views) {
        config.validate();
        InputView.imageBands(views, config.inputBands, "the network's", "input bands");
        if (norm.numBands() != config.inputBands) {
            throw new IllegalArgumentException(
                    "normalisation has "
                            + norm.numBands()
                            + " bands but the network "
                            + config.inputBands);
        }
        LearnEngine.start(0);
        Model m = Model.newInstance("height", "PyTorch");
        Block block = FactoryHeightNet.create(config);
        block.setInitializer(
                new XavierInitializer(
                        XavierInitializer.RandomType.GAUSSIAN,
                        XavierInitializer.FactorType.AVG,
                        1f),
                Parameter.Type.WEIGHT);
        m.setBlock(block);
        block.initialize(
                m.getNDManager(), DataType.FLOAT32, new Shape(1, config.inputBands, 32, 32));
        return new HeightModel(m, config.copy(), norm, heightScaleM, List.copyOf(views));
    }

    /** Loads a model directory. */
    public static HeightModel load(Path dir) throws IOException {
        return load(dir, readCard(dir));
    }

    /** Loads a model directory whose {@code model.json} was read already. */
    static HeightModel load(Path dir, ModelCard card) throws IOException {
        ConfigHeightNet cfg = card.netConfig();
        HeightModel hm =
                create(
                        cfg,
                        new BandNormalization(card.bandMean(), card.bandStd()),
                        card.heightScaleM(),
                        card.views());
        hm.loadParameters(dir.resolve(PARAMS_FILE));
        hm.directory = dir;
        hm.defaultTestTimeAugmentation = card.defaultTestTimeAugmentation();
        return hm;
    }

    /**
     * Writes a uniform model soup ({@link ModelSoup}) of model directories into {@code out}: the
     * element-wise mean of their parameters in one network, for models of one architecture
     * fine-tuned from one start on the same data with different seeds (their band normalisation is
     * then the same). The soup has the first directory's architecture, normalisation, height scale
     * and views; its {@code model.json} records the union of the members' tiles, the sum of their
     * training times, best epoch 0 and {@code metrics.soupOf}: each member's directory, command,
     * training time and best epoch.
     *
     * @param dirs at least two model directories
     * @param out output model directory (must not be one of {@code dirs})
     * @param command the command line recorded in {@code model.json}
     * @param testTimeAugmentation the soup's prediction default, or null for the first member's
     * @throws IllegalArgumentException naming the {@code model.json} whose architecture,
     *     normalisation, height scale or views differ from the first's, and the field; or {@code
     *     out} when it is a member
     */
    public static void writeSoup(
            List<Path> dirs, Path out, String command, DihedralSet testTimeAugmentation)
            throws IOException {
        ModelSoup.checkMembersAndOutput(dirs, out);
        List<ModelCard> cards = new ArrayList<>();
        for (Path d : dirs) {
            cards.add(readCard(d));
        }
        ModelCard first = cards.get(0);
        Set<String> trainTiles = new LinkedHashSet<>();
        Set<String> validationTiles = new LinkedHashSet<>();
        List<Map<String, Object>> members = new ArrayList<>();
        double seconds = 0;
        for (int i = 0; i < dirs.size(); i++) {
            ModelCard c = cards.get(i);
            String field = c.networkDifference(first);
            if (field != null) {
                throw ModelDir.mismatch(
                        dirs.get(i).resolve(CARD_FILE), field, dirs.get(0).resolve(CARD_FILE));
            }
            trainTiles.addAll(c.trainTiles());
            validationTiles.addAll(c.validationTiles());
            seconds += c.trainingSeconds();
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("model", dirs.get(i).toString());
            member.put("command", c.command());
            member.put("trainingSeconds", c.trainingSeconds());
            member.put("bestEpoch", c.bestEpoch());
            members.add(member);
        }
        // the first member receives the mean and is saved as the soup
        List<HeightModel> loaded = new ArrayList<>();
        try {
            for (int i = 0; i < dirs.size(); i++) {
                loaded.add(load(dirs.get(i), cards.get(i)));
            }
            HeightModel soup = loaded.get(0);
            ModelSoup.averageInto(
                    soup.model.getBlock(), loaded.stream().map(m -> m.model.getBlock()).toList());
            soup.save(
                    out,
                    soup.card(
                            List.copyOf(trainTiles),
                            List.copyOf(validationTiles),
                            command,
                            seconds,
                            0,
                            Map.of("soupOf", members),
                            testTimeAugmentation != null
                                    ? testTimeAugmentation
                                    : first.defaultTestTimeAugmentation()));
        } finally {
            for (HeightModel m : loaded) {
                m.close();
            }
        }
    }

    /** Reads {@code model.json}. */
    public static ModelCard readCard(Path dir) throws IOException {
        Path f = dir.resolve(CARD_FILE);
        if (!Files.isRegularFile(f) && HeightEnsemble.isEnsemble(dir)) {
            throw new IllegalArgumentException(
                    dir + ": an ensemble (" + HeightEnsemble.CARD_FILE + "), not one model");
        } else if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException(
                    dir + ": not a model directory (no " + CARD_FILE + ")");
        }
        return readCardFile(f, ModelCard.class, ModelCard::format, ModelCard.FORMAT);
    }

    /**
     * Reads a JSON card file of {@code type} whose {@code format} must be {@code expected}.
     *
     * @throws RasterFormatException naming {@code f} when it is unreadable or of another format
     */
    static <T> T readCardFile(
            Path f, Class<T> type, java.util.function.Function<T, String> format, String expected)
            throws IOException {
        T card;
        try {
            card = JSON.readValue(f.toFile(), type);
        } catch (IOException e) {
            throw new RasterFormatException(f, "unreadable card: " + e.getMessage(), e);
        }
        if (!expected.equals(format.apply(card))) {
            throw new RasterFormatException(
                    f, "format '" + format.apply(card) + "' is not " + expected);
        }
        return card;
    }

    /** Replaces the parameters with those of a file written by {@link #saveParameters}. */
    public void loadParameters(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
                DataInputStream din = new DataInputStream(in)) {
            model.getBlock().loadParameters(model.getNDManager(), din);
        } catch (ai.djl.MalformedModelException e) {
            throw new RasterFormatException(
                    file, "parameters do not fit the network: " + e.getMessage(), e);
        }
        // loaded arrays carry no gradient; training (fine-tuning, resume) needs them
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            Parameter param = p.getValue();
            if (param.requiresGradient() && param.isInitialized()) {
                param.getArray().setRequiresGradient(true);
            }
        }
    }

    /** Writes the parameters atomically. */
    public void saveParameters(Path file) throws IOException {
        AtomicFiles.write(file, out -> model.getBlock().saveParameters(new DataOutputStream(out)));
    }

    /**
     * The card describing this model (architecture, input bands, widths, normalisation, height
     * scale, parameter count and views, all taken from the model) with the given provenance and
     * prediction default.
     *
     * @param testTimeAugmentation the transforms prediction averages over by default
     */
    public ModelCard card(
            List<String> trainTiles,
            List<String> validationTiles,
            String command,
            double trainingSeconds,
            int bestEpoch,
            java.util.Map<String, Object> metrics,
            DihedralSet testTimeAugmentation) {
        return new ModelCard(
                ModelCard.FORMAT,
                net.architecture.name().toLowerCase(java.util.Locale.ROOT),
                net.inputBands,
                net.widthMultiplier,
                net.sizePreservingBlocks,
                net.resnetStageBlocks.clone(),
                norm.mean(),
                norm.std(),
                heightScaleM,
                parameterCount(),
                trainTiles,
                validationTiles,
                command,
                trainingSeconds,
                bestEpoch,
                metrics,
                views,
                testTimeAugmentation.isNone() ? null : testTimeAugmentation.toString());
    }

    /** Writes {@code model.params} and {@code model.json} into {@code dir}. */
    public void save(Path dir, ModelCard card) throws IOException {
        Files.createDirectories(dir);
        saveParameters(dir.resolve(PARAMS_FILE));
        writeCard(dir, card);
    }

    /**
     * Writes {@code model.json} into {@code dir} atomically (the parameters are left as they are).
     */
    public static void writeCard(Path dir, ModelCard card) throws IOException {
        writeCardFile(dir.resolve(CARD_FILE), card);
    }

    /** Writes a card as indented JSON into {@code f} atomically (the writer of both card kinds). */
    static void writeCardFile(Path f, Object card) throws IOException {
        AtomicFiles.write(f, out -> JSON.writeValue(out, card));
    }

    /** Number of trainable scalars. */
    public long parameterCount() {
        long n = 0;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getValue().isInitialized()) {
                n += p.getValue().getArray().size();
            }
        }
        return n;
    }

    /** The DJL model (for training). */
    public Model djlModel() {
        return model;
    }

    /** The network config. */
    public ConfigHeightNet netConfig() {
        return net.copy();
    }

    /** The band normalisation. */
    public BandNormalization normalization() {
        return norm;
    }

    @Override
    public List<InputView> views() {
        return views;
    }

    @Override
    public int imageBands() {
        return InputView.imageBands(views, net.inputBands, "the network's", "input bands");
    }

    @Override
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** The network predicts height / this, in metres. */
    public double heightScaleM() {
        return heightScaleM;
    }

    /**
     * Predicts heights for one window (no test-time augmentation).
     *
     * @param bands (Input) raw bands, each {@code w * h} row-major floats. Not modified.
     * @param w columns
     * @param h rows
     * @return height in metres, row-major {@code w * h}
     */
    public float[] predictWindow(float[][] bands, int w, int h) {
        return predictWindow(bands, w, h, DihedralSet.NONE);
    }

    /**
     * The transforms {@link #predictWindow(float[][], int, int, DihedralSet)} averages over when
     * given null: {@code model.json}'s {@code testTimeAugmentation} for a loaded model, none for a
     * model made by {@link #create}.
     */
    public DihedralSet defaultTestTimeAugmentation() {
        return defaultTestTimeAugmentation;
    }

    /**
     * Predicts heights for one window, averaging over a set of dihedral transforms (test-time
     * augmentation: the window is flipped/transposed, predicted, transformed back).
     *
     * @param bands (Input) raw bands, each {@code w * h} row-major floats. Not modified.
     * @param tta the transforms averaged over ({@link DihedralSet#NONE}: one plain pass; {@link
     *     DihedralSet#D4}: all eight, 8x the cost; null: {@link #defaultTestTimeAugmentation()})
     * @return height in metres, row-major {@code w * h}
     */
    @Override
    public float[] predictWindow(float[][] bands, int w, int h, DihedralSet tta) {
        if (tta == null) {
            tta = defaultTestTimeAugmentation;
        }
        if (tta.isNone()) {
            return predictOnce(bands, w, h);
        }
        float[] acc = new float[w * h];
        float weight = 1f / tta.size();
        for (int i = 0; i < tta.size(); i++) {
            int t = tta.get(i);
            boolean tr = (t & 1) != 0;
            int tw = tr ? h : w;
            int th = tr ? w : h;
            float[][] tb = new float[bands.length][];
            for (int b = 0; b < bands.length; b++) {
                tb[b] = new float[w * h];
                for (int y = 0; y < th; y++) {
                    for (int x = 0; x < tw; x++) {
                        tb[b][y * tw + x] = bands[b][source(t, x, y, tw, th, w)];
                    }
                }
            }
            float[] p = predictOnce(tb, tw, th);
            for (int y = 0; y < th; y++) {
                for (int x = 0; x < tw; x++) {
                    acc[source(t, x, y, tw, th, w)] += p[y * tw + x] * weight;
                }
            }
        }
        return acc;
    }

    /**
     * Index in the original {@code w}-wide window of pixel (x, y) of a transformed {@code tw x th}
     * window: bit 4 flips rows, bit 2 flips columns, bit 1 transposes (in that order).
     */
    private static int source(int t, int x, int y, int tw, int th, int w) {
        int xx = (t & 2) != 0 ? tw - 1 - x : x;
        int yy = (t & 4) != 0 ? th - 1 - y : y;
        return (t & 1) != 0 ? xx * w + yy : yy * w + xx;
    }

    private float[] predictOnce(float[][] bands, int w, int h) {
        if (bands.length != net.inputBands) {
            throw new IllegalArgumentException(
                    "image has " + bands.length + " bands but the model expects " + net.inputBands);
        }
        int m = ConfigHeightNet.SIZE_MULTIPLE_PX;
        int pw = (w + m - 1) / m * m;
        int ph = (h + m - 1) / m * m;
        float[] in = new float[bands.length * pw * ph];
        for (int b = 0; b < bands.length; b++) {
            for (int y = 0; y < ph; y++) {
                int sy = reflect(y, h);
                for (int x = 0; x < pw; x++) {
                    int sx = reflect(x, w);
                    in[(b * ph + y) * pw + x] = norm.apply(b, bands[b][sy * w + sx]);
                }
            }
        }
        float[] out;
        // no autograd graph, intermediates freed as they die (see ScopedInference)
        try (NDManager mgr = model.getNDManager().newSubManager()) {
            NDArray x = mgr.create(in, new Shape(1, bands.length, ph, pw));
            out = ScopedInference.predict(model.getBlock(), x).singletonOrThrow().toFloatArray();
        }
        float[] res = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                res[y * w + x] = (float) (out[y * pw + x] * heightScaleM);
            }
        }
        return res;
    }

    static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }

    @Override
    public void close() {
        model.close();
    }
}
