package dev.surveyor.height.synth;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;

/** Settings of {@link SyntheticSceneGenerator}. */
public class ConfigSyntheticScene implements Config {
    private static final long serialVersionUID = 1L;

    /** Scene columns. */
    public int widthPx = 400;

    /** Scene rows. */
    public int heightPx = 400;

    /** Ground sample distance in metres (ZY-3 multispectral: 2.5 m). */
    public double gsdM = 2.5;

    /** Expected fraction of the scene covered by building footprints. */
    public double buildingCoverFraction = 0.18;

    /** Smallest and largest building side in metres. */
    public double minBuildingSideM = 10;

    /** Largest building side in metres. */
    public double maxBuildingSideM = 70;

    /** Height of one floor in metres (building heights are whole floors, like the ZY-3 labels). */
    public double floorHeightM = 3.0;

    /** Most floors of a building. */
    public int maxFloors = 20;

    /** Expected fraction of the scene covered by tree crowns. */
    public double treeCoverFraction = 0.12;

    /** Whether tree heights are part of the height target (false: buildings only, as ZY-3). */
    public boolean treesInTarget = false;

    /** Number of roads crossing the scene. */
    public int roads = 4;

    /** Terrain relief (peak to peak) in metres; not part of the above-ground target. */
    public double terrainReliefM = 15;

    /** Sun elevation above the horizon in degrees. */
    public double sunElevationDeg = 45;

    /** Sun azimuth in degrees clockwise from north (image up). */
    public double sunAzimuthDeg = 150;

    /** Sensor noise standard deviation in digital numbers. */
    public double noiseSigmaDn = 12;

    /** Random seed. */
    public long seed = 1;

    @Override
    public void validate() {
        Checks.inRange("widthPx", widthPx, 8, 100_000);
        Checks.inRange("heightPx", heightPx, 8, 100_000);
        Checks.positive("gsdM", gsdM);
        Checks.inRange("buildingCoverFraction", buildingCoverFraction, 0.0, 0.9);
        Checks.positive("minBuildingSideM", minBuildingSideM);
        Checks.atLeast("maxBuildingSideM", maxBuildingSideM, minBuildingSideM);
        Checks.positive("floorHeightM", floorHeightM);
        Checks.inRange("maxFloors", maxFloors, 1, 200);
        Checks.inRange("treeCoverFraction", treeCoverFraction, 0.0, 0.9);
        Checks.inRange("roads", roads, 0, 1000);
        Checks.atLeast("terrainReliefM", terrainReliefM, 0.0);
        Checks.inRange("sunElevationDeg", sunElevationDeg, 5.0, 90.0);
        Checks.inRange("sunAzimuthDeg", sunAzimuthDeg, -360.0, 360.0);
        Checks.atLeast("noiseSigmaDn", noiseSigmaDn, 0.0);
    }

    /** A copy. */
    public ConfigSyntheticScene copy() {
        ConfigSyntheticScene c = new ConfigSyntheticScene();
        c.widthPx = widthPx;
        c.heightPx = heightPx;
        c.gsdM = gsdM;
        c.buildingCoverFraction = buildingCoverFraction;
        c.minBuildingSideM = minBuildingSideM;
        c.maxBuildingSideM = maxBuildingSideM;
        c.floorHeightM = floorHeightM;
        c.maxFloors = maxFloors;
        c.treeCoverFraction = treeCoverFraction;
        c.treesInTarget = treesInTarget;
        c.roads = roads;
        c.terrainReliefM = terrainReliefM;
        c.sunElevationDeg = sunElevationDeg;
        c.sunAzimuthDeg = sunAzimuthDeg;
        c.noiseSigmaDn = noiseSigmaDn;
        c.seed = seed;
        return c;
    }
}
