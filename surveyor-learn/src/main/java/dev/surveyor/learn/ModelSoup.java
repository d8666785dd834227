package dev.surveyor.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A uniform model soup (Wortsman et al. 2022, "Model soups: averaging weights of multiple
 * fine-tuned models improves accuracy without increasing inference time"): the element-wise mean of
 * the parameters of networks of one architecture, usually fine-tuned from one pre-trained start
 * with different seeds. Unlike an ensemble, the result is one network with one network's cost.
 *
 * <p>Every parameter the blocks hold is averaged, batch-norm running means and variances included
 * (as {@link WeightAverage} does). Parameters are matched by their names; every member must have
 * the same names and shapes.
 */
public final class ModelSoup {
    private ModelSoup() {}

    /**
     * Checks the model directories of a soup and its output: at least two members, and an output
     * that is not one of them.
     *
     * @throws IllegalArgumentException "a model soup needs at least two models, got N", or "--out
     *     OUT is one of the models: it would be overwritten"
     */
    public static void checkMembersAndOutput(List<Path> members, Path out) throws IOException {
        if (members.size() < 2) {
            throw new IllegalArgumentException(
                    "a model soup needs at least two models, got " + members.size());
        }
        for (Path m : members) {
            if (Files.exists(out) && Files.exists(m) && Files.isSameFile(m, out)) {
                throw new IllegalArgumentException(
                        "--out " + out + " is one of the models: it would be overwritten");
            }
        }
    }

    /**
     * Sets the parameters of {@code into} to the mean of the members' (in double precision, then
     * rounded to float). {@code into} may be one of the members.
     *
     * @param into the block that receives the mean, initialised like the members
     * @param members at least one block with the same parameter names and shapes as {@code into}
     * @throws IllegalArgumentException naming the parameter (and member index) that does not match
     */
    public static void averageInto(Block into, List<? extends Block> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a model soup needs at least one member");
        }
        Map<String, double[]> sum = new LinkedHashMap<>();
        Map<String, NDArray> target = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : into.getParameters()) {
            NDArray a = p.getValue().getArray();
            target.put(p.getKey(), a);
            sum.put(p.getKey(), new double[Math.toIntExact(a.size())]);
        }
        for (int m = 0; m < members.size(); m++) {
            int seen = 0;
            for (Pair<String, Parameter> p : members.get(m).getParameters()) {
                double[] s = sum.get(p.getKey());
                NDArray a = p.getValue().getArray();
                if (s == null || !a.getShape().equals(target.get(p.getKey()).getShape())) {
                    throw new IllegalArgumentException(
                            "member "
                                    + m
                                    + ": parameter "
                                    + p.getKey()
                                    + " "
                                    + a.getShape()
                                    + (s == null
                                            ? " is not in the network"
                                            : " does not match "
                                                    + target.get(p.getKey()).getShape()));
                }
                float[] v = a.toFloatArray();
                for (int i = 0; i < v.length; i++) {
                    s[i] += v[i];
                }
                seen++;
            }
            if (seen != sum.size()) {
                throw new IllegalArgumentException(
                        "member " + m + " has " + seen + " parameters, the network " + sum.size());
            }
        }
        for (Map.Entry<String, double[]> e : sum.entrySet()) {
            double[] s = e.getValue();
            float[] mean = new float[s.length];
            for (int i = 0; i < s.length; i++) {
                mean[i] = (float) (s[i] / members.size());
            }
            target.get(e.getKey()).set(mean);
        }
    }
}
