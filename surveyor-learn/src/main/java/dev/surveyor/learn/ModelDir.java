package dev.surveyor.learn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.raster.RasterFormatException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A model directory: {@code model.json} (architecture, input normalisation, training data and
 * command, metrics; free-form JSON sections owned by the feature module) and parameter files {@code
 * <name>.params} in DJL's block format ({@code best.params} = the model to use, {@code last.params}
 * = the latest checkpoint for {@code --resume}), plus {@code train-state.json} while training.
 *
 * <p>Files are written to a temporary name and moved into place, so a killed run never leaves a
 * half-written file behind.
 */
public final class ModelDir {
    /** The model description file name. */
    public static final String MODEL_JSON = "model.json";

    /** The parameters to use for inference. */
    public static final String BEST = "best";

    /** The latest checkpoint. */
    public static final String LAST = "last";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    /** Wraps {@code dir} (not created until something is written). */
    public ModelDir(Path dir) {
        this.dir = dir;
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /**
     * The error for a model that cannot be combined with another (a soup or ensemble member), whose
     * message is {@code "FILE: WHAT differs from REFERENCE"}.
     *
     * @param file the member's card file
     * @param what the setting that differs (may carry the member's value)
     * @param reference the card file it was compared with
     */
    public static IllegalArgumentException mismatch(Path file, String what, Path reference) {
        return new IllegalArgumentException(file + ": " + what + " differs from " + reference);
    }

    /** Shared Jackson mapper. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** The path of parameter file {@code name}. */
    public Path paramsFile(String name) {
        return dir.resolve(name + ".params");
    }

    /** Whether parameter file {@code name} exists. */
    public boolean hasParams(String name) {
        return Files.isRegularFile(paramsFile(name));
    }

    /** Whether {@code model.json} exists. */
    public boolean hasJson() {
        return Files.isRegularFile(dir.resolve(MODEL_JSON));
    }

    /** Reads {@code model.json}. */
    public ObjectNode readJson() throws IOException {
        return readJson(MODEL_JSON);
    }

    /** Reads a JSON object file in this directory. */
    public ObjectNode readJson(String fileName) throws IOException {
        Path f = dir.resolve(fileName);
        if (!Files.isRegularFile(f)) {
            throw new java.io.FileNotFoundException(f + ": no such file (not a model directory?)");
        }
        try {
            return (ObjectNode) JSON.readTree(f.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            throw new RasterFormatException(f + ": not a JSON object: " + e.getMessage());
        }
    }

    /**
     * Reads one setting of a {@code model.json} already read with {@link #readJson()}: {@code
     * parse} applied to it, an {@link IllegalArgumentException} it throws (a bad value) turned into
     * a {@link RasterFormatException} naming this directory's {@code model.json}.
     */
    public <T> T setting(ObjectNode json, java.util.function.Function<ObjectNode, T> parse)
            throws RasterFormatException {
        try {
            return parse.apply(json);
        } catch (IllegalArgumentException e) {
            throw new RasterFormatException(dir.resolve(MODEL_JSON) + ": " + e.getMessage());
        }
    }

    /** Writes {@code model.json} atomically. */
    public void writeJson(ObjectNode node) throws IOException {
        writeJson(MODEL_JSON, node);
    }

    /** Writes a JSON file in this directory atomically. */
    public void writeJson(String fileName, ObjectNode node) throws IOException {
        Files.createDirectories(dir);
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        Path tmp = Files.createTempFile(dir, fileName, ".tmp");
        Files.write(tmp, bytes);
        Files.move(
                tmp,
                dir.resolve(fileName),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Saves the parameters of an initialised block as {@code name.params}, atomically. */
    public void saveParams(Block block, String name) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os))) {
            block.saveParameters(out);
        }
        Files.move(
                tmp,
                paramsFile(name),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Copies parameter file {@code from} to {@code to}. */
    public void copyParams(String from, String to) throws IOException {
        Path tmp = Files.createTempFile(dir, to, ".tmp");
        Files.copy(paramsFile(from), tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(
                tmp,
                paramsFile(to),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Loads {@code name.params} into a block of the same architecture.
     *
     * @throws RasterFormatException when the file does not match the block
     */
    public void loadParams(Block block, NDManager manager, String name) throws IOException {
        loadParams(block, manager, paramsFile(name));
    }

    /** Loads a parameter file into a block of the same architecture. */
    public static void loadParams(Block block, NDManager manager, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.io.FileNotFoundException(file + ": no such parameter file");
        }
        try (InputStream is = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
            block.loadParameters(manager, in);
        } catch (MalformedModelException | IllegalArgumentException | IllegalStateException e) {
            throw new RasterFormatException(
                    file + ": parameters do not match the architecture: " + e.getMessage());
        }
    }
}
