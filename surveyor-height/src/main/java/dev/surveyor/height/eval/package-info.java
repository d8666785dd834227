/**
 * Height-regression metrics in metres: MAE and RMSE on all valid pixels and on building pixels
 * (true height above a threshold), the RMSE of the predict-zero baseline, errors by height bin, and
 * SSIM as paper 2 states it (heights scaled to 0–255 over a fixed range, C1 = 6.5025, C2 = 58.5225,
 * 11x11 Gaussian window σ = 1.5). NaN in truth or prediction = no data, excluded.
 */
package dev.surveyor.height.eval;
