package dev.surveyor.insar.baseline;

import java.time.LocalDate;

/**
 * Scores of one date as the reference.
 *
 * @param date the date
 * @param meanAbsTemporalDays mean over all dates of |T_i − T_m|, days
 * @param meanAbsPerpendicularM mean over all dates of |B_i − B_m|, m (NaN without baselines)
 * @param paperScore the paper's score (lower is better), see {@link ReferenceSelector}
 * @param modelledCoherence SNAP's mean modelled coherence (higher is better)
 */
public record ReferenceCandidate(
        LocalDate date,
        double meanAbsTemporalDays,
        double meanAbsPerpendicularM,
        double paperScore,
        double modelledCoherence) {}
