package dev.surveyor.insar.estimate;

import dev.surveyor.insar.stack.Sensor;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The linear phase model {@code φ_q = a_q · v + b_q · ΔH} of a stack: {@code a_q = 4π/λ · T_q ·
 * 10⁻³} rad per mm/yr and {@code b_q = 4π B_q / (λ R sinθ)} rad per metre, with {@code T_q} the
 * time from the reference date in years (365.25 days) and {@code B_q} the perpendicular baseline
 * relative to the reference. See the package documentation for the sign convention. Immutable;
 * serializable (rebuilt from the sensor, times and baselines), so that it can be shipped to
 * executors.
 */
public final class PhaseModel implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Days per year used for T. */
    public static final double DAYS_PER_YEAR = 365.25;

    private final Sensor sensor;
    private final double[] timeYr;
    private final double[] bperpM;
    private final double[] a;
    private final double[] b;
    private final int refIndex;

    /**
     * @param sensor radar geometry
     * @param timeYr time of each date relative to the reference, years
     * @param bperpM perpendicular baseline of each date relative to the reference, m; {@code null}
     *     when unknown (velocity-only model)
     * @param refIndex index of the reference date
     */
    public PhaseModel(Sensor sensor, double[] timeYr, double[] bperpM, int refIndex) {
        if (bperpM != null && bperpM.length != timeYr.length) {
            throw new IllegalArgumentException(
                    "timeYr has " + timeYr.length + " dates but bperpM has " + bperpM.length);
        }
        this.sensor = sensor;
        this.timeYr = timeYr.clone();
        this.bperpM = bperpM == null ? null : bperpM.clone();
        this.refIndex = refIndex;
        this.a = new double[timeYr.length];
        double k = 4 * Math.PI / sensor.wavelengthM() * 1e-3;
        for (int q = 0; q < a.length; q++) {
            a[q] = k * timeYr[q];
        }
        if (bperpM != null) {
            b = new double[a.length];
            double kh = sensor.heightPhasePerBaselineRadPerM2();
            for (int q = 0; q < b.length; q++) {
                b[q] = kh * bperpM[q];
            }
        } else {
            b = null;
        }
    }

    /**
     * Builds the model from dates and baselines against any common origin.
     *
     * @param bperpAnyOriginM baselines (NaN or {@code null} when unknown: velocity only)
     */
    public static PhaseModel of(
            Sensor sensor, List<LocalDate> dates, LocalDate reference, double[] bperpAnyOriginM) {
        int ref = dates.indexOf(reference);
        if (ref < 0) {
            throw new IllegalArgumentException(
                    "reference date " + reference + " is not among the dates");
        }
        double[] t = new double[dates.size()];
        for (int q = 0; q < t.length; q++) {
            t[q] = ChronoUnit.DAYS.between(reference, dates.get(q)) / DAYS_PER_YEAR;
        }
        double[] bp = null;
        if (bperpAnyOriginM != null) {
            boolean all = true;
            for (double v : bperpAnyOriginM) {
                all &= Double.isFinite(v);
            }
            if (all) {
                bp = new double[t.length];
                for (int q = 0; q < t.length; q++) {
                    bp[q] = bperpAnyOriginM[q] - bperpAnyOriginM[ref];
                }
            }
        }
        return new PhaseModel(sensor, t, bp, ref);
    }

    public Sensor sensor() {
        return sensor;
    }

    public int numDates() {
        return a.length;
    }

    public int referenceIndex() {
        return refIndex;
    }

    /** Whether the DEM-error term is in the model (baselines known). */
    public boolean hasDemError() {
        return b != null;
    }

    /** T_q in years (copy). */
    public double[] timeYr() {
        return timeYr.clone();
    }

    /** B_q in metres relative to the reference (copy), or {@code null}. */
    public double[] bperpM() {
        return bperpM == null ? null : bperpM.clone();
    }

    /** a_q, rad per mm/yr (copy). */
    public double[] velocityCoefficients() {
        return a.clone();
    }

    /** b_q, rad per metre (copy), or {@code null}. */
    public double[] demCoefficients() {
        return b == null ? null : b.clone();
    }

    double[] aRef() {
        return a;
    }

    double[] bRef() {
        return b;
    }

    /** Span of T (max − min), years. */
    public double timeSpanYr() {
        return span(timeYr);
    }

    /** Span of B (max − min), metres; 0 without baselines. */
    public double baselineSpanM() {
        return bperpM == null ? 0 : span(bperpM);
    }

    /** Model phase of date q for (v mm/yr, ΔH m), rad (not wrapped). */
    public double phase(int q, double velocityMmYr, double demErrorM) {
        return a[q] * velocityMmYr + (b == null ? 0 : b[q] * demErrorM);
    }

    /** Converts a phase in rad to LOS displacement in mm (positive = towards the satellite). */
    public double phaseToMm(double phaseRad) {
        return phaseRad * sensor.wavelengthM() / (4 * Math.PI) * 1e3;
    }

    private Object writeReplace() {
        return new Form(
                sensor.wavelengthM(),
                sensor.incidenceDeg(),
                sensor.slantRangeM(),
                timeYr,
                bperpM,
                refIndex);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a PhaseModel is serialized as its Form");
    }

    /** Serialized form: the constructor's arguments. */
    private record Form(
            double wavelengthM,
            double incidenceDeg,
            double slantRangeM,
            double[] timeYr,
            double[] bperpM,
            int refIndex)
            implements java.io.Serializable {
        private Object readResolve() {
            return new PhaseModel(
                    new Sensor(wavelengthM, incidenceDeg, slantRangeM), timeYr, bperpM, refIndex);
        }
    }

    private static double span(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return hi - lo;
    }
}
