package dev.surveyor.insar.ps;

/** How PS candidates are chosen from amplitudes. */
public enum PsMethod {
    /** Paper method 1: {@code z_q > γ · mean(z_q)} in every image q. */
    AMPLITUDE,
    /**
     * Paper method 2: normalised amplitudes {@code z_q / mean(z_q)}; mean {@code Z̄ > γ1} and
     * {@code D / Z̄² < γ2} with D the population variance over time.
     */
    NORMALIZED_DISPERSION,
    /** Amplitude dispersion {@code D_A = σ/μ ≤ maxDispersion} (Ferretti 2001, StaMPS). */
    DISPERSION;

    /** Parses {@code amplitude}, {@code normalized-dispersion} or {@code dispersion}. */
    public static PsMethod parse(String s) {
        String n = s.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        for (PsMethod m : values()) {
            if (m.name().toLowerCase(java.util.Locale.ROOT).equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "PS method must be amplitude, normalized-dispersion or dispersion, got '"
                        + s
                        + "'");
    }
}
