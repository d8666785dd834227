package dev.surveyor.height.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.height.data.ImageHeightPair;
import dev.surveyor.height.data.TileReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticSceneGeneratorTest {
    @Test
    void deterministicWholeFloorsAndShadowsOnTheAntiSunSide() {
        ConfigSyntheticScene c = new ConfigSyntheticScene();
        c.widthPx = 160;
        c.heightPx = 120;
        c.sunAzimuthDeg = 90; // sun in the east: shadows fall west (to smaller x)
        c.sunElevationDeg = 30;
        c.treeCoverFraction = 0;
        c.terrainReliefM = 0;
        c.roads = 0;
        c.noiseSigmaDn = 0;
        c.seed = 5;
        SyntheticScene a = SyntheticSceneGenerator.create(c).generate();
        SyntheticScene b = SyntheticSceneGenerator.create(c).generate();
        assertArrayEquals(a.heightM(), b.heightM());
        assertArrayEquals(a.image()[3], b.image()[3]);
        assertTrue(a.buildingCount() > 5, "buildings " + a.buildingCount());
        int w = c.widthPx;
        double westSum = 0;
        double eastSum = 0;
        int west = 0;
        int east = 0;
        for (int i = 0; i < a.heightM().length; i++) {
            float z = a.heightM()[i];
            assertEquals(0, Math.IEEEremainder(z, 3.0), 1e-6, "heights are whole 3 m floors");
            int x = i % w;
            if (x < 3 || x >= w - 3 || z != 0) {
                continue;
            }
            // ground 2 px west of a wall of a building of 3+ floors: in its shadow
            if (a.heightM()[i + 1] == 0 && a.heightM()[i + 2] > 8) {
                westSum += a.image()[2][i];
                west++;
            }
            if (a.heightM()[i - 1] == 0 && a.heightM()[i - 2] > 8) {
                eastSum += a.image()[2][i];
                east++;
            }
        }
        assertTrue(west > 10 && east > 10, "wall pixels " + west + ", " + east);
        double westMean = westSum / west;
        double eastMean = eastSum / east;
        assertTrue(
                westMean < 0.75 * eastMean,
                "shadowed west " + westMean + " vs sunlit east " + eastMean);
    }

    @Test
    void writesGeoTiffPairsThatReadBack(@TempDir Path dir) throws Exception {
        ConfigSyntheticScene c = new ConfigSyntheticScene();
        c.widthPx = 64;
        c.heightPx = 48;
        c.seed = 9;
        SyntheticSceneFiles.writeDataDir(dir, c, 2);
        List<ImageHeightPair> pairs = TileReader.readDataDir(dir);
        assertEquals(2, pairs.size());
        assertEquals("syn0009", pairs.get(0).name());
        SyntheticScene s = SyntheticSceneGenerator.create(c).generate();
        assertArrayEquals(s.heightM(), pairs.get(0).heightM());
        assertArrayEquals(s.image()[1], pairs.get(0).bands()[1]);
        assertEquals(4, pairs.get(0).numBands());
    }
}
