/**
 * Persistent-scatterer candidate selection from amplitude statistics: the paper's two methods
 * (amplitude above γ times the image mean in every image; brightness and dispersion of per-image
 * normalised amplitudes) and the common amplitude dispersion D_A = σ/μ (Ferretti et al. 2001), plus
 * the agreement S(A, B) of two selections (the paper's Table 1).
 */
package dev.surveyor.insar.ps;
