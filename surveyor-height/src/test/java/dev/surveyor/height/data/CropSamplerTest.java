package dev.surveyor.height.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CropSamplerTest {
    @Test
    void dihedralTransformsArePermutationsAndAllDistinct() {
        int n = 5;
        Set<String> seen = new HashSet<>();
        for (int t = 0; t < Dihedral.COUNT; t++) {
            boolean[] hit = new boolean[n * n];
            StringBuilder sig = new StringBuilder();
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int s = Dihedral.sourceIndex(t, x, y, n);
                    hit[s] = true;
                    sig.append(s).append(',');
                }
            }
            for (boolean h : hit) {
                assertEquals(true, h, "transform " + t + " is a permutation");
            }
            seen.add(sig.toString());
        }
        assertEquals(8, seen.size());
    }

    @Test
    void cropsKeepImageAndHeightAligned() {
        // height = band value, so any misalignment shows
        int w = 50;
        int h = 40;
        float[] b = new float[w * h];
        float[] z = new float[w * h];
        for (int i = 0; i < b.length; i++) {
            b[i] = i;
            z[i] = i;
        }
        ImageHeightPair t = new ImageHeightPair("t", new float[][] {b}, z, w, h);
        BandNormalization norm = new BandNormalization(new double[] {0}, new double[] {1});
        CropSampler s = new CropSampler(List.of(t), norm, 32, DihedralSet.D4, 1);
        float[] img = new float[3 * 32 * 32];
        float[] hm = new float[3 * 32 * 32];
        s.sample(img, hm, 3);
        for (int i = 0; i < img.length; i++) {
            assertEquals(hm[i], img[i], 0f);
        }
    }

    @Test
    void cropsUseOnlyTheAllowedTransforms() {
        // band = x + 1000 y: identity steps +1 along a row and +1000 down a column, flip-rows -1000
        int w = 50;
        int h = 40;
        float[] b = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b[y * w + x] = x + 1000 * y;
            }
        }
        ImageHeightPair t = new ImageHeightPair("t", new float[][] {b}, b.clone(), w, h);
        BandNormalization norm = new BandNormalization(new double[] {0}, new double[] {1});
        int crop = 32;
        int n = 40;
        CropSampler s =
                new CropSampler(List.of(t), norm, crop, DihedralSet.parse("identity,flip-rows"), 3);
        float[] img = new float[n * crop * crop];
        s.sample(img, new float[n * crop * crop], n);
        Set<Float> rowSteps = new HashSet<>();
        for (int k = 0; k < n; k++) {
            int o = k * crop * crop;
            float down = img[o + crop] - img[o];
            rowSteps.add(down);
            for (int y = 0; y < crop; y++) {
                for (int x = 0; x < crop; x++) {
                    float v = img[o + y * crop + x];
                    assertEquals(img[o] + x + down * y, v, 0f, "crop " + k + " at " + x + "," + y);
                }
            }
        }
        assertEquals(Set.of(1000f, -1000f), rowSteps, "both transforms drawn, no other");
    }

    @Test
    void splitIsByTileName() {
        ImageHeightPair a = new ImageHeightPair("a", new float[][] {{1}}, new float[] {0}, 1, 1);
        ImageHeightPair b = new ImageHeightPair("b", new float[][] {{1}}, new float[] {0}, 1, 1);
        TileSplit s = TileSplit.byName(List.of(a, b), Set.of("b"));
        assertEquals(List.of(a), s.train());
        assertEquals(List.of(b), s.validation());
        assertThrows(
                IllegalArgumentException.class, () -> TileSplit.byName(List.of(a, b), Set.of("c")));
    }

    @Test
    void tileNamesDropThePrefix() {
        assertEquals("bj0216", TileReader.tileName(java.nio.file.Path.of("x/img_bj0216.tif")));
        assertEquals("bj0216", TileReader.tileName(java.nio.file.Path.of("lab_bj0216.tif")));
        assertEquals("scene", TileReader.tileName(java.nio.file.Path.of("scene.tiff")));
    }
}
