package dev.surveyor.height.predict;

import dev.surveyor.learn.EnsembleDirectory;
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
        return EnsembleDirectory.memberDirs(dir, members);
    }
}
