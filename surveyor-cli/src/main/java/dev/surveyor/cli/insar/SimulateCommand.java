package dev.surveyor.cli.insar;

import dev.surveyor.insar.estimate.CramerRaoBound;
import dev.surveyor.insar.sim.ConfigSimulation;
import dev.surveyor.insar.sim.SimulatedStack;
import dev.surveyor.insar.sim.SimulationWriter;
import dev.surveyor.insar.sim.StackSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code surveyor insar simulate --out DIR}: a synthetic SLC stack with truth (stack.json,
 * slc/*.c64, truth.csv) and the Cramér–Rao bound of its noise (crb.json).
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Simulate an SLC stack with persistent scatterers, atmosphere and noise.")
public final class SimulateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(
            names = "--width",
            defaultValue = "100",
            description = "Columns (default ${DEFAULT-VALUE}).")
    int width;

    @Option(
            names = "--height",
            defaultValue = "100",
            description = "Rows (default ${DEFAULT-VALUE}).")
    int height;

    @Option(
            names = "--dates",
            defaultValue = "35",
            description = "Number of dates (default ${DEFAULT-VALUE}).")
    int dates;

    @Option(
            names = "--interval-days",
            defaultValue = "12",
            description = "Days between dates (default ${DEFAULT-VALUE}).")
    int intervalDays;

    @Option(
            names = "--irregular",
            description = "Intervals of 1 to 3 times --interval-days at random.")
    boolean irregular;

    @Option(
            names = "--bperp-std",
            defaultValue = "150",
            paramLabel = "M",
            description = "Std of perpendicular baselines (default ${DEFAULT-VALUE}).")
    double bperpStd;

    @Option(
            names = "--ps-fraction",
            defaultValue = "0.05",
            description = "Fraction of pixels that are PS (default ${DEFAULT-VALUE}).")
    double psFraction;

    @Option(
            names = "--velocity-std",
            defaultValue = "5",
            paramLabel = "MM_YR",
            description = "Std of PS velocities (default ${DEFAULT-VALUE}).")
    double velocityStd;

    @Option(
            names = "--dem-std",
            defaultValue = "10",
            paramLabel = "M",
            description = "Std of PS DEM errors (default ${DEFAULT-VALUE}).")
    double demStd;

    @Option(
            names = "--noise",
            defaultValue = "0.3",
            paramLabel = "RAD",
            description = "PS phase noise std (default ${DEFAULT-VALUE}).")
    double noise;

    @Option(
            names = "--atmosphere",
            defaultValue = "0",
            paramLabel = "RAD",
            description = "Atmospheric screen std per date; 0 = none (default).")
    double atmosphere;

    @Option(
            names = "--correlation",
            defaultValue = "25",
            paramLabel = "PX",
            description = "Atmosphere correlation length (default ${DEFAULT-VALUE}).")
    double correlation;

    @Option(
            names = "--ramp",
            defaultValue = "0",
            paramLabel = "RAD",
            description = "Orbit ramp std per date; 0 = none (default).")
    double ramp;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        ConfigSimulation c = new ConfigSimulation();
        c.widthPx = width;
        c.heightPx = height;
        c.numDates = dates;
        c.intervalDays = intervalDays;
        c.irregularDates = irregular;
        c.bperpStdM = bperpStd;
        c.psFraction = psFraction;
        c.velocityStdMmYr = velocityStd;
        c.demErrorStdM = demStd;
        c.phaseNoiseRad = noise;
        c.atmosphereStdRad = atmosphere;
        c.atmosphereCorrelationPx = correlation;
        c.orbitRampStdRad = ramp;
        c.seed = seed;
        c.validate();
        SimulatedStack s = StackSimulator.simulate(c);
        Path manifest = SimulationWriter.write(s, out);
        CramerRaoBound crb = s.cramerRaoBound();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(
                Locale.ROOT,
                "%d PS, %d dates, reference %s -> %s%n",
                s.truth().size(),
                s.dates().size(),
                s.dates().get(s.referenceIndex()),
                manifest);
        o.printf(
                Locale.ROOT,
                "Cramer-Rao bound: velocity %.4f mm/yr, DEM error %.4f m (one point, noise %.3f rad)%n",
                crb.sigmaVelocityMmYr(),
                crb.sigmaDemErrorM(),
                noise);
        o.flush();
        return 0;
    }
}
