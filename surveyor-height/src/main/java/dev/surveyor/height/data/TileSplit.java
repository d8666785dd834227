package dev.surveyor.height.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A split of source tiles into training and validation sets (by tile, so that no crop or augmented
 * copy of a validation tile is ever trained on, unlike the paper's split).
 *
 * @param train training tiles
 * @param validation validation tiles
 */
public record TileSplit(List<ImageHeightPair> train, List<ImageHeightPair> validation) {
    public TileSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }

    /**
     * Puts the tiles whose name is in {@code validationNames} into validation, the rest into train.
     */
    public static TileSplit byName(List<ImageHeightPair> tiles, Set<String> validationNames) {
        List<ImageHeightPair> tr = new ArrayList<>();
        List<ImageHeightPair> va = new ArrayList<>();
        for (ImageHeightPair t : tiles) {
            (validationNames.contains(t.name()) ? va : tr).add(t);
        }
        for (String n : validationNames) {
            if (va.stream().noneMatch(t -> t.name().equals(n))) {
                throw new IllegalArgumentException(
                        "validation tile " + n + " is not among the data");
            }
        }
        if (tr.isEmpty()) {
            throw new IllegalArgumentException("no training tile left after the split");
        }
        return new TileSplit(tr, va);
    }
}
