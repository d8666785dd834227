package dev.surveyor.height.predict;

import java.nio.file.Path;
import java.util.List;

/**
 * Contents of {@code ensemble.json}, the card of a {@link HeightEnsemble} directory.
 *
 * @param format format tag, {@code surveyor-height-ensemble/1}
 * @param members the members' sub-directories (relative to the ensemble directory, inside it), each
 *     a model directory with its own {@code model.json} (architecture, normalisation, provenance,
 *     test-time augmentation default) and {@code model.params}
 * @param sources the directories the members were copied from, as given (provenance)
 * @param command the command line that wrote the ensemble
 */
public record EnsembleCard(
        String format, List<String> members, List<String> sources, String command) {
    /** The format tag written by this version. */
    public static final String FORMAT = "surveyor-height-ensemble/1";

    public EnsembleCard {
        members = members == null ? List.of() : List.copyOf(members);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /**
     * The member directories inside {@code dir}.
     *
     * @throws IllegalArgumentException naming the member when the list is empty or a member lies
     *     outside {@code dir}
     */
    List<Path> memberDirs(Path dir) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("members: none");
        }
        Path base = dir.toAbsolutePath().normalize();
        return members.stream()
                .map(
                        m -> {
                            Path p = base.resolve(m).normalize();
                            if (m.isBlank() || p.equals(base) || !p.startsWith(base)) {
                                throw new IllegalArgumentException(
                                        "member \"" + m + "\" is not a sub-directory");
                            }
                            return dir.resolve(m);
                        })
                .toList();
    }
}
