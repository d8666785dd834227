package dev.surveyor.insar.baseline;

import java.util.List;

/**
 * Both criteria's choices and every date's scores.
 *
 * @param paper the date with the lowest paper score
 * @param modelledCoherence the date with the highest mean modelled coherence
 * @param candidates every date's scores, in date order
 */
public record ReferenceChoice(
        ReferenceCandidate paper,
        ReferenceCandidate modelledCoherence,
        List<ReferenceCandidate> candidates) {}
