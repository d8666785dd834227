package dev.surveyor.insar.sim;

import dev.surveyor.insar.estimate.CramerRaoBound;
import dev.surveyor.insar.estimate.PhaseModel;
import dev.surveyor.insar.stack.Sensor;
import java.time.LocalDate;
import java.util.List;

/**
 * A simulated SLC stack in memory with its truth.
 *
 * <p>{@code slc(q)} is interleaved float32 (re, im), row-major, {@code width * height} pixels; the
 * phase of {@code slc(q) · conj(slc(ref))} at a PS is {@code a_q v + b_q ΔH} plus atmosphere, ramp
 * and noise differences (see {@link PhaseModel}).
 *
 * @param config the settings used
 * @param sensor radar geometry
 * @param dates dates ascending
 * @param bperpM perpendicular baselines (common origin = the reference date), m
 * @param referenceIndex index of the reference date
 * @param slcs per date complex pixels
 * @param truth the PS
 */
public record SimulatedStack(
        ConfigSimulation config,
        Sensor sensor,
        List<LocalDate> dates,
        double[] bperpM,
        int referenceIndex,
        float[][] slcs,
        List<TruePoint> truth) {

    public int width() {
        return config.widthPx;
    }

    public int height() {
        return config.heightPx;
    }

    /** The phase model of this stack. */
    public PhaseModel phaseModel() {
        return PhaseModel.of(sensor, dates, dates.get(referenceIndex), bperpM);
    }

    /** The Cramér–Rao bound for the simulated phase noise. */
    public CramerRaoBound cramerRaoBound() {
        return CramerRaoBound.of(phaseModel(), config.phaseNoiseRad);
    }
}
