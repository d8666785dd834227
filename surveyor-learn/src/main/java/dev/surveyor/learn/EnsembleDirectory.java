package dev.surveyor.learn;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory of a deep ensemble: a card file (written by the caller) and one copied model
 * directory per member, {@code member-1/}, {@code member-2/}, ... in the given order. Shared by the
 * height and crater ensembles; each decides which member files to copy and what its card holds.
 *
 * <p>Stateless.
 */
public final class EnsembleDirectory {
    /** Prefix of the member sub-directories ({@code member-1}, ...). */
    public static final String MEMBER_PREFIX = "member-";

    private EnsembleDirectory() {}

    /** Writes the card into the staged ensemble directory once the members are copied. */
    @FunctionalInterface
    public interface CardWriter {
        /**
         * @param staged the ensemble directory under its temporary name
         * @param members the members' sub-directory names, in order
         */
        void write(Path staged, List<String> members) throws IOException;
    }

    /**
     * Copies {@code files} of each model directory into a new ensemble directory {@code out} and
     * lets {@code card} write the card. The directory appears whole or not at all (written beside
     * it under a temporary name, then renamed); nothing is left behind on failure.
     *
     * @param memberDirs at least two model directories, checked by the caller
     * @param files the file names copied from every member (each must exist)
     * @param out a directory that does not exist yet
     * @throws IllegalArgumentException for fewer than two members, or naming {@code out} when it
     *     exists
     */
    public static void write(List<Path> memberDirs, List<String> files, Path out, CardWriter card)
            throws IOException {
        if (memberDirs.size() < 2) {
            throw new IllegalArgumentException(
                    "an ensemble needs at least two models, got " + memberDirs.size());
        }
        if (Files.exists(out)) {
            throw new IllegalArgumentException(
                    out + ": exists; an ensemble is written to a new directory");
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + out.getFileName() + "-");
        try {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < memberDirs.size(); i++) {
                String name = MEMBER_PREFIX + (i + 1);
                Path m = Files.createDirectory(tmp.resolve(name));
                for (String f : files) {
                    Files.copy(memberDirs.get(i).resolve(f), m.resolve(f));
                }
                names.add(name);
            }
            card.write(tmp, names);
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /**
     * The member directories named in a card, resolved inside {@code dir}.
     *
     * @throws IllegalArgumentException naming the member when the list is empty or a member lies
     *     outside {@code dir}
     */
    public static List<Path> memberDirs(Path dir, List<String> members) {
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

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(
                root,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes a)
                            throws IOException {
                        Files.delete(f);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path d, IOException e)
                            throws IOException {
                        Files.delete(d);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }
}
