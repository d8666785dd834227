/**
 * The stack manifest ({@code stack.json}) of a PS-InSAR time series and windowed reading of all its
 * dates: SLC stacks (one complex image per date) and single-reference interferogram stacks
 * (optionally with one amplitude image per date). Windows are half-open {@code [x0, x0 + w) x [y0,
 * y0 + h)}, {@code x} = column; every date is read for the same window, so memory is bounded by the
 * window.
 */
package dev.surveyor.insar.stack;
