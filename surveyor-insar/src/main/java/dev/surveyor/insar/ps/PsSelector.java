package dev.surveyor.insar.ps;

/**
 * Decides PS candidates from {@link AmplitudeStatistics} with one of the {@link PsMethod}s.
 * Immutable and thread-safe.
 */
public final class PsSelector {
    private final PsMethod method;
    private final double gamma;
    private final double gamma1;
    private final double gamma2;
    private final double maxDispersion;
    private final boolean normalize;

    PsSelector(ConfigPsSelection c) {
        this.method = c.method;
        this.gamma = c.gamma;
        this.gamma1 = c.gamma1;
        this.gamma2 = c.gamma2;
        this.maxDispersion = c.maxDispersion;
        this.normalize = c.normalizeByImageMean;
    }

    /** Builds a selector (null = defaults); validates the config. */
    public static PsSelector create(ConfigPsSelection config) {
        ConfigPsSelection c = config == null ? new ConfigPsSelection() : config.copy();
        c.validate();
        return new PsSelector(c);
    }

    public PsMethod method() {
        return method;
    }

    /** Whether amplitudes are divided by each image's scene mean. */
    public boolean normalizes() {
        return normalize || method != PsMethod.DISPERSION;
    }

    /** Whether pixel i of the statistics is a candidate. NaN statistics are never candidates. */
    public boolean isCandidate(AmplitudeStatistics s, int i) {
        return switch (method) {
            case AMPLITUDE -> s.minNormalized()[i] > gamma;
            case NORMALIZED_DISPERSION -> {
                double z = s.meanNormalized()[i];
                double da = s.dispersion()[i];
                yield z > gamma1 && da * da < gamma2;
            }
            case DISPERSION -> s.dispersion()[i] <= maxDispersion;
        };
    }

    /** The candidate mask of a window. */
    public boolean[] select(AmplitudeStatistics s) {
        boolean[] m = new boolean[s.dispersion().length];
        for (int i = 0; i < m.length; i++) {
            m[i] = isCandidate(s, i);
        }
        return m;
    }

    /**
     * The paper's similarity of two selections, {@code S(A, B) = 1 − |A △ B| / (|A| + |B|)}; 1 when
     * both are empty.
     */
    public static double similarity(boolean[] a, boolean[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "mask A has " + a.length + " pixels but B has " + b.length);
        }
        long na = 0;
        long nb = 0;
        long sym = 0;
        for (int i = 0; i < a.length; i++) {
            na += a[i] ? 1 : 0;
            nb += b[i] ? 1 : 0;
            sym += a[i] != b[i] ? 1 : 0;
        }
        return na + nb == 0 ? 1.0 : 1.0 - (double) sym / (na + nb);
    }
}
