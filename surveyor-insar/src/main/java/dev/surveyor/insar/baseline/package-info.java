/**
 * Baselines and the choice of the reference (master) date: the paper's criterion (smallest mean
 * absolute temporal and perpendicular baseline) and the modelled-coherence criterion of SNAP's
 * "InSAR Stack Overview" / DORIS-jLinda {@code MasterSelection} (used before StaMPS export), plus a
 * reader for SNAP's baseline-table CSV export.
 */
package dev.surveyor.insar.baseline;
