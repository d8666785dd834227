package dev.surveyor.insar.coreg;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@link CoregistrationPipeline} did.
 *
 * @param referenceDate the reference date
 * @param offsets one row per date, ascending, the reference included
 * @param matches kept feature matches per secondary date (for the report's plot), in date order
 * @param manifest the written manifest of the co-registered stack
 */
public record CoregistrationRun(
        LocalDate referenceDate,
        List<DateOffsets> offsets,
        List<List<MatchedPoint>> matches,
        Path manifest) {
    public CoregistrationRun {
        offsets = List.copyOf(offsets);
        matches = matches.stream().map(List::copyOf).toList();
    }
}
