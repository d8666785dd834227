package dev.surveyor.insar.coreg;

/** Builds co-registration algorithms from a {@link ConfigCoregistration}. */
public final class FactoryCoregistration {
    private FactoryCoregistration() {}

    /** The full co-registration ({@code null} = defaults); validates a copy of the config. */
    public static Coregistrator coregistrator(ConfigCoregistration config) {
        ConfigCoregistration c = config != null ? config.copy() : new ConfigCoregistration();
        c.validate();
        return new Coregistrator(c);
    }
}
