package dev.surveyor.insar.sim;

import dev.surveyor.insar.estimate.PhaseModel;
import dev.surveyor.insar.stack.Sensor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates an SLC stack with persistent scatterers in Rayleigh clutter.
 *
 * <p>Model per date q and pixel: clutter = circular complex Gaussian of unit power (Rayleigh
 * amplitude, uniform random phase, independent between dates). PS pixels (a random subset of {@code
 * psFraction}) instead have amplitude {@code psAmplitude · exp(s·N(0,1) − s²/2)} with {@code s ≈
 * psAmplitudeDispersion} and phase {@code ψ0 + a_q v + b_q ΔH + APS_q(x, y) + ramp_q(x, y) + n_q},
 * {@code n_q ~ N(0, phaseNoiseRad²)}, ψ0 uniform per PS. Each date's atmospheric screen is white
 * noise filtered by a Gaussian of σ = L/2 px, then scaled to zero mean and {@code atmosphereStdRad}
 * std over the scene; the orbit ramp is a random plane with {@code orbitRampStdRad} std over the
 * scene. Baselines ~ N(0, bperpStdM²); the reference is the middle date (the smallest mean |T| for
 * regular sampling) and baselines are re-referenced to it. Deterministic for a seed.
 */
public final class StackSimulator {
    private final ConfigSimulation config;

    StackSimulator(ConfigSimulation config) {
        this.config = config;
    }

    /** Simulates with the given settings (null = defaults). */
    public static SimulatedStack simulate(ConfigSimulation config) {
        ConfigSimulation c = config == null ? new ConfigSimulation() : config.copy();
        c.validate();
        return new StackSimulator(c).run();
    }

    SimulatedStack run() {
        ConfigSimulation c = config;
        SplittableRandom rnd = new SplittableRandom(c.seed);
        int w = c.widthPx;
        int h = c.heightPx;
        int n = c.numDates;
        List<LocalDate> dates = new ArrayList<>();
        LocalDate d = c.startDate;
        for (int q = 0; q < n; q++) {
            dates.add(d);
            int step = c.irregularDates ? c.intervalDays * (1 + rnd.nextInt(3)) : c.intervalDays;
            d = d.plusDays(step);
        }
        int ref = n / 2;
        double[] bperp = new double[n];
        for (int q = 0; q < n; q++) {
            bperp[q] = c.bperpStdM * gauss(rnd);
        }
        double b0 = bperp[ref];
        for (int q = 0; q < n; q++) {
            bperp[q] -= b0;
        }
        Sensor sensor = new Sensor(c.wavelengthM, c.incidenceDeg, c.slantRangeM);
        PhaseModel model = PhaseModel.of(sensor, dates, dates.get(ref), bperp);

        // PS positions: a random subset of exactly round(psFraction * w * h) pixels.
        int total = w * h;
        int nps = (int) Math.round(c.psFraction * total);
        int[] perm = new int[total];
        for (int i = 0; i < total; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < nps; i++) {
            int j = i + rnd.nextInt(total - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] psIndex = new int[total];
        java.util.Arrays.fill(psIndex, -1);
        List<TruePoint> truth = new ArrayList<>();
        double[] psi0 = new double[nps];
        for (int k = 0; k < nps; k++) {
            int p = perm[k];
            psIndex[p] = k;
        }
        // Truth sorted by row, then column.
        int k2 = 0;
        int[] order = new int[nps];
        for (int p = 0; p < total; p++) {
            if (psIndex[p] >= 0) {
                psIndex[p] = k2;
                order[k2] = p;
                truth.add(
                        new TruePoint(
                                p / w,
                                p % w,
                                c.velocityMeanMmYr + c.velocityStdMmYr * gauss(rnd),
                                c.demErrorStdM * gauss(rnd)));
                psi0[k2] = 2 * Math.PI * rnd.nextDouble();
                k2++;
            }
        }
        double sA = Math.sqrt(Math.log(1 + c.psAmplitudeDispersion * c.psAmplitudeDispersion));
        float[][] slcs = new float[n][];
        for (int q = 0; q < n; q++) {
            float[] aps =
                    c.atmosphereStdRad > 0
                            ? screen(rnd, w, h, c.atmosphereCorrelationPx, c.atmosphereStdRad)
                            : null;
            double gx = 0;
            double gy = 0;
            if (c.orbitRampStdRad > 0) {
                // A plane gx*x + gy*y over a w x h scene has std sqrt(gx² w² + gy² h²)/sqrt(12).
                double ang = 2 * Math.PI * rnd.nextDouble();
                double amp = c.orbitRampStdRad * Math.abs(gauss(rnd)) * Math.sqrt(12);
                gx = amp * Math.cos(ang) / w;
                gy = amp * Math.sin(ang) / h;
            }
            float[] s = new float[2 * total];
            for (int p = 0; p < total; p++) {
                int k = psIndex[p];
                double re;
                double im;
                if (k < 0) {
                    re = gauss(rnd) * Math.sqrt(0.5);
                    im = gauss(rnd) * Math.sqrt(0.5);
                } else {
                    TruePoint t = truth.get(k);
                    int x = p % w;
                    int y = p / w;
                    double ph =
                            psi0[k]
                                    + model.phase(q, t.velocityMmYr(), t.demErrorM())
                                    + (aps == null ? 0 : aps[p])
                                    + gx * (x - 0.5 * w)
                                    + gy * (y - 0.5 * h)
                                    + c.phaseNoiseRad * gauss(rnd);
                    double amp = c.psAmplitude * Math.exp(sA * gauss(rnd) - 0.5 * sA * sA);
                    re = amp * Math.cos(ph);
                    im = amp * Math.sin(ph);
                }
                s[2 * p] = (float) re;
                s[2 * p + 1] = (float) im;
            }
            slcs[q] = s;
        }
        return new SimulatedStack(
                c, sensor, List.copyOf(dates), bperp, ref, slcs, List.copyOf(truth));
    }

    /** Gaussian-filtered white noise, zero mean, given std over the scene. */
    static float[] screen(SplittableRandom rnd, int w, int h, double corrPx, double stdRad) {
        double sigma = corrPx / 2;
        int r = (int) Math.ceil(3 * sigma);
        int pw = w + 2 * r;
        int ph = h + 2 * r;
        double[] noise = new double[pw * ph];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = gauss(rnd);
        }
        double[] k = new double[2 * r + 1];
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
        }
        // Horizontal pass over the rows needed, output w columns.
        double[] tmp = new double[w * ph];
        for (int y = 0; y < ph; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = 0; i <= 2 * r; i++) {
                    s += k[i] * noise[y * pw + x + i];
                }
                tmp[y * w + x] = s;
            }
        }
        float[] out = new float[w * h];
        double sum = 0;
        double sum2 = 0;
        double[] o = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = 0; i <= 2 * r; i++) {
                    s += k[i] * tmp[(y + i) * w + x];
                }
                o[y * w + x] = s;
                sum += s;
                sum2 += s * s;
            }
        }
        int m = w * h;
        double mean = sum / m;
        double std = Math.sqrt(Math.max(sum2 / m - mean * mean, 1e-30));
        for (int i = 0; i < m; i++) {
            out[i] = (float) ((o[i] - mean) / std * stdRad);
        }
        return out;
    }

    private static double gauss(SplittableRandom rnd) {
        // Box–Muller (one value per call; simple and deterministic).
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
