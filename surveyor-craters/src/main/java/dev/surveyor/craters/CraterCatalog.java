package dev.surveyor.craters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * An immutable list of craters with its provenance (where it came from).
 *
 * @param craters the craters, in pixel coordinates of one image (see {@link Crater})
 * @param source free text naming the file or process the craters came from
 */
public record CraterCatalog(List<Crater> craters, String source) {
    /** Copies the list so the catalog is immutable. */
    public CraterCatalog {
        craters = List.copyOf(craters);
        source = source == null ? "" : source;
    }

    /** Number of craters. */
    public int size() {
        return craters.size();
    }

    /** The craters for which {@code keep} is true. */
    public CraterCatalog filter(Predicate<Crater> keep) {
        return new CraterCatalog(craters.stream().filter(keep).toList(), source);
    }

    /** The craters with a diameter of at least {@code minDiameterPx}. */
    public CraterCatalog withMinDiameter(double minDiameterPx) {
        return filter(c -> c.diameterPx() >= minDiameterPx);
    }

    /** The craters with a score of at least {@code threshold}. */
    public CraterCatalog withMinScore(double threshold) {
        return filter(c -> c.score() >= threshold);
    }

    /** The craters sorted by descending score (stable). */
    public CraterCatalog sortedByScore() {
        List<Crater> l = new ArrayList<>(craters);
        l.sort(Comparator.comparingDouble(Crater::score).reversed());
        return new CraterCatalog(l, source);
    }
}
