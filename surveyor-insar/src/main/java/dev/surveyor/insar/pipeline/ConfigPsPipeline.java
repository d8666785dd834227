package dev.surveyor.insar.pipeline;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;
import dev.surveyor.insar.baseline.ConfigReferenceSelection;
import dev.surveyor.insar.estimate.ConfigAtmosphere;
import dev.surveyor.insar.estimate.ConfigPeriodogram;
import dev.surveyor.insar.ps.ConfigPsSelection;

/** Settings for {@link PsPipeline}. */
public class ConfigPsPipeline implements Config {
    private static final long serialVersionUID = 1L;

    /** Candidate selection. */
    public ConfigPsSelection selection = new ConfigPsSelection();

    /** The (v, ΔH) search. */
    public ConfigPeriodogram periodogram = new ConfigPeriodogram();

    /** Nuisance (atmosphere) removal. */
    public ConfigAtmosphere atmosphere = new ConfigAtmosphere();

    /** Reference-date choice when the manifest has none. */
    public ConfigReferenceSelection reference = new ConfigReferenceSelection();

    /** Use the paper's criterion instead of modelled coherence when choosing the reference. */
    public boolean paperReferenceCriterion = false;

    /** Least temporal coherence of a PS. Default 0.7. */
    public double minTemporalCoherence = 0.7;

    /** Rows per streamed block. Default 128. */
    public int blockRows = 128;

    /** Threads; 0 = all processors. */
    public int threads = 0;

    @Override
    public void validate() {
        Checks.notNull("selection", selection).validate();
        Checks.notNull("periodogram", periodogram).validate();
        Checks.notNull("atmosphere", atmosphere).validate();
        Checks.notNull("reference", reference).validate();
        Checks.inRange("minTemporalCoherence", minTemporalCoherence, 0.0, 1.0);
        Checks.inRange("blockRows", blockRows, 1, 1 << 20);
        Checks.inRange("threads", threads, 0, 4096);
    }

    /** A deep copy. */
    public ConfigPsPipeline copy() {
        ConfigPsPipeline c = new ConfigPsPipeline();
        c.selection = selection.copy();
        c.periodogram = periodogram.copy();
        c.atmosphere = atmosphere.copy();
        c.reference = reference.copy();
        c.paperReferenceCriterion = paperReferenceCriterion;
        c.minTemporalCoherence = minTemporalCoherence;
        c.blockRows = blockRows;
        c.threads = threads;
        return c;
    }
}
