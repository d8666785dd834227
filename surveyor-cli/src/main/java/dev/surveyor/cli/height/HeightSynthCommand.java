package dev.surveyor.cli.height;

import dev.surveyor.height.synth.ConfigSyntheticScene;
import dev.surveyor.height.synth.SyntheticSceneFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code surveyor height synth}: writes procedural image/height scenes as a training data
 * directory.
 */
@Command(
        name = "synth",
        mixinStandardHelpOptions = true,
        description =
                "Write synthetic image/height scenes (img/ and lab/ GeoTIFFs) for pre-training and"
                        + " tests.")
public final class HeightSynthCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "Output data directory.")
    Path out;

    @Option(
            names = "--count",
            defaultValue = "16",
            description = "Number of scenes (default ${DEFAULT-VALUE}).")
    int count;

    @Option(
            names = "--size",
            defaultValue = "400",
            description = "Scene width and height in pixels.")
    int size;

    @Option(
            names = "--gsd",
            defaultValue = "2.5",
            description = "Ground sample distance in metres.")
    double gsdM;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description =
                    "Seed of the first scene: scene i (from 0) has seed SEED+i and is named synNNNN after"
                            + " it (NNNN = SEED+i), so runs whose seeds differ by less than --count share scenes.")
    long seed;

    @Option(
            names = "--sun-azimuth",
            defaultValue = "150",
            description =
                    "Sun azimuth, degrees clockwise from image up (shadows fall the opposite way;"
                            + " default ${DEFAULT-VALUE}). Match the real images when pre-training"
                            + " a model that keeps the shadow direction (height train --augment).")
    double sunAzimuthDeg;

    @Option(
            names = "--sun-elevation",
            defaultValue = "45",
            description = "Sun elevation above the horizon, degrees (default ${DEFAULT-VALUE}).")
    double sunElevationDeg;

    @Option(names = "--trees-in-target", description = "Include tree heights in the height target.")
    boolean treesInTarget;

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be >= 1, got " + count);
        }
        ConfigSyntheticScene c = new ConfigSyntheticScene();
        c.widthPx = size;
        c.heightPx = size;
        c.gsdM = gsdM;
        c.seed = seed;
        c.treesInTarget = treesInTarget;
        c.sunAzimuthDeg = sunAzimuthDeg;
        c.sunElevationDeg = sunElevationDeg;
        c.validate();
        List<String> names = SyntheticSceneFiles.writeDataDir(out, c, count);
        System.out.println("wrote " + names.size() + " scenes to " + out);
        return 0;
    }
}
