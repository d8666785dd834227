/**
 * CenterNet ("objects as points", Zhou et al. 2019) pieces that need no network: training targets
 * ({@link dev.surveyor.craters.centernet.CenterNetTargets}), the penalty-reduced focal and L1
 * losses on plain arrays ({@link dev.surveyor.craters.centernet.CenterNetLosses}) and the peak
 * decoder ({@link dev.surveyor.craters.centernet.CenterNetDecoder}). All maps are row-major {@code
 * float[]} on the output grid of {@code outW x outH} cells at output stride {@code R}; cell {@code
 * (i, j)} covers input pixels {@code [R i, R (i + 1)) x [R j, R (j + 1))}.
 */
package dev.surveyor.craters.centernet;
