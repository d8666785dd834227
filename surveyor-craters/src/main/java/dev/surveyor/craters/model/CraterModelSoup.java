package dev.surveyor.craters.model;

import ai.djl.Model;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.learn.ModelDir;
import dev.surveyor.learn.ModelSoup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A uniform model soup ({@link ModelSoup}) of crater model directories: one model whose {@code
 * best.params} is the element-wise mean of the members' (e.g. one fine-tune run with different
 * seeds). The members must describe the same network and input: equal {@code format}, {@code
 * architecture}, {@code input} and {@code outputStride} in {@code model.json}.
 *
 * <p>The soup's {@code model.json} is the first member's with {@code training} replaced by the
 * soup's provenance ({@code command} and {@code soupOf}: each member's directory, training command
 * and time) and without the first member's validation {@code metrics}, which describe other
 * weights. Detection defaults ({@code threshold}, test-time augmentation, scales) are the first
 * member's unless the caller sets a threshold chosen for the soup on validation data.
 */
public final class CraterModelSoup {
    private static final String[] SAME = {"format", "architecture", "input", "outputStride"};

    private CraterModelSoup() {}

    /**
     * Writes the soup of {@code members} into {@code out}.
     *
     * @param members at least two model directories with {@code best.params}
     * @param out output model directory (created; must not be a member)
     * @param command the command line recorded in {@code model.json}
     * @param threshold the soup's default detection threshold, or NaN for the first member's
     * @throws IllegalArgumentException naming the {@code model.json} and the key that differs from
     *     the first member's, or {@code out} when it is a member
     */
    public static void write(List<Path> members, Path out, String command, double threshold)
            throws IOException {
        ModelSoup.checkMembersAndOutput(members, out);
        List<ObjectNode> jsons = new ArrayList<>();
        for (Path m : members) {
            jsons.add(new ModelDir(m).readJson());
        }
        ObjectNode first = jsons.get(0);
        for (int i = 1; i < jsons.size(); i++) {
            for (String key : SAME) {
                if (!first.path(key).equals(jsons.get(i).path(key))) {
                    throw ModelDir.mismatch(
                            members.get(i).resolve(ModelDir.MODEL_JSON),
                            key,
                            members.get(0).resolve(ModelDir.MODEL_JSON));
                }
            }
        }
        ModelDir firstDir = new ModelDir(members.get(0));
        ConfigCenterNet arch = DetectionSettings.read(firstDir, first).architecture();
        List<Model> models = new ArrayList<>();
        try {
            for (Path m : members) {
                models.add(CenterNetNetworks.load(new ModelDir(m), arch, ModelDir.BEST));
            }
            ModelSoup.averageInto(
                    models.get(0).getBlock(), models.stream().map(Model::getBlock).toList());
            ObjectNode json = first.deepCopy();
            json.remove("metrics");
            json.remove("metricsTestTimeAugmentation");
            ObjectNode training = json.putObject("training");
            training.put("command", command);
            ArrayNode soupOf = training.putArray("soupOf");
            for (int i = 0; i < members.size(); i++) {
                member(soupOf.addObject(), members.get(i), jsons.get(i));
            }
            if (!Double.isNaN(threshold)) {
                json.put("threshold", threshold);
            }
            Files.createDirectories(out);
            ModelDir outDir = new ModelDir(out);
            outDir.saveParams(models.get(0).getBlock(), ModelDir.BEST);
            outDir.writeJson(json);
        } finally {
            for (Model m : models) {
                m.close();
            }
        }
    }

    /** Records a member: its directory, training command and time, and its threshold. */
    private static void member(ObjectNode into, Path dir, ObjectNode json) {
        into.put("model", dir.toString());
        into.set("command", json.path("training").path("command").deepCopy());
        into.set("trainingSeconds", json.path("training").path("trainingSeconds").deepCopy());
        into.set("threshold", json.path("threshold").deepCopy());
    }
}
