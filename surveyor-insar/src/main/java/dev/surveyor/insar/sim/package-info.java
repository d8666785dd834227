/**
 * Synthetic SLC stacks with known truth (PS positions, LOS velocity, DEM error), optional
 * atmospheric phase screens and orbit ramps, and their Cramér–Rao bound: for tests and for users to
 * check their settings. Written as raw complex64 SLCs plus {@code stack.json}, {@code truth.csv}
 * and {@code crb.json}.
 */
package dev.surveyor.insar.sim;
