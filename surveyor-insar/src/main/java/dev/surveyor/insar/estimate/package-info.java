/**
 * Estimation of LOS velocity and DEM error per point by temporal-coherence maximisation (the
 * periodogram of Aduenko et al. 2015 / Ferretti et al. 2001), its Cramér–Rao bound, and the removal
 * of spatially correlated nuisance phase (atmosphere, orbit ramps) by iterated spatial filtering of
 * residual phases (StaMPS-like) followed by arcs between neighbouring points integrated over their
 * network (SARvey-like). Every pass over the points runs on a {@link
 * dev.surveyor.insar.estimate.RangeRunner} (this JVM's threads, or a cluster's executors) with
 * bit-identical results.
 *
 * <p>Sign convention (the paper's model): the phase of {@code SLC_q · conj(SLC_ref)} is {@code
 * +4π/λ · v · T_q + 4π B_q / (λ R sinθ) · ΔH}, T in years from the reference date, B the
 * perpendicular baseline relative to the reference. With the usual SLC phase {@code exp(-j 4π r /
 * λ)} (ESA, ISCE, SNAP, GAMMA) a positive phase change means the range r got shorter, so
 * <b>positive velocity = motion towards the satellite</b> (e.g. uplift), negative = away (e.g.
 * subsidence) — the sign StaMPS and MintPy users see. Velocity is in mm/yr along the line of sight,
 * DEM error in metres.
 */
package dev.surveyor.insar.estimate;
