package dev.surveyor.height.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surveyor.testkit.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads the ZY-3 sample (4-band uint16 PackBits images, float32 heights); skipped without it. */
class TileReaderTest {
    @Test
    void readsZy3PairsWithTheManifestStatistics() throws Exception {
        Path dir = SharedData.require("height/zy3-beijing");
        List<ImageHeightPair> tiles = TileReader.readDataDir(dir);
        assertEquals(
                List.of("bj0216", "bj0217", "bj0317", "bj0322", "bj0324"),
                tiles.stream().map(ImageHeightPair::name).toList());
        ImageHeightPair t = tiles.get(4);
        assertEquals(4, t.numBands());
        assertEquals(400, t.width());
        assertEquals(400, t.height());
        double max = 0;
        double sum = 0;
        long buildings = 0;
        for (float v : t.heightM()) {
            max = Math.max(max, v);
            sum += v;
            buildings += v > 0 ? 1 : 0;
        }
        // MANIFEST.md: bj0324 max 84 m, mean 4.93 m, 22.1 % building pixels
        assertEquals(84.0, max, 1e-6);
        assertEquals(4.925, sum / t.heightM().length, 0.005);
        assertEquals(0.221, buildings / 160000.0, 0.001);
        // values ~170-5000 DN (B, G, R, NIR)
        for (float[] b : t.bands()) {
            for (float v : b) {
                if (v < 100 || v > 10000) {
                    throw new AssertionError("implausible DN " + v);
                }
            }
        }
    }
}
