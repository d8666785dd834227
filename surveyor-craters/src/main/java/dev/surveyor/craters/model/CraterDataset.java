package dev.surveyor.craters.model;

import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.craters.CraterCatalog;
import dev.surveyor.craters.io.CraterFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds labelled images: every {@code NAME.png} (or {@code .jpg}) under a folder with a label file
 * beside it, {@code NAME.txt} (LRO NAC {@code ID X Y W H C_X CY}) or {@code NAME.csv} ({@code
 * x,y,diameter} px), or a single image file with its label file given.
 */
public final class CraterDataset {
    private CraterDataset() {}

    /** Loads all labelled images under {@code dir} (recursively), sorted by path. */
    public static List<LabelledImage> load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new java.io.FileNotFoundException(dir + ": not a folder");
        }
        List<Path> images;
        try (Stream<Path> s = Files.walk(dir)) {
            images =
                    s.filter(p -> p.toString().matches("(?i).*\\.(png|jpg|jpeg)$"))
                            .sorted()
                            .toList();
        }
        List<LabelledImage> out = new ArrayList<>();
        for (Path im : images) {
            String base = im.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            Path txt = im.resolveSibling(base + ".txt");
            Path csv = im.resolveSibling(base + ".csv");
            CraterCatalog cat;
            if (Files.isRegularFile(txt)) {
                cat = CraterFiles.readLroNac(txt);
            } else if (Files.isRegularFile(csv)) {
                cat = CraterFiles.readXyDiameterCsv(csv);
            } else {
                continue;
            }
            out.add(new LabelledImage(base, GrayImage.read(im), cat.craters()));
        }
        if (out.isEmpty()) {
            throw new RasterFormatException(
                    dir + ": no image with a .txt or .csv label file beside it");
        }
        return out;
    }

    /** Whether {@code name} contains one of the substrings. */
    public static boolean matches(String name, List<String> substrings) {
        for (String s : substrings) {
            if (!s.isEmpty() && name.contains(s)) {
                return true;
            }
        }
        return false;
    }
}
