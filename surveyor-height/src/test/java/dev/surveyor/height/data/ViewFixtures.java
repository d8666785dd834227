package dev.surveyor.height.data;

import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.height.synth.ConfigSyntheticScene;
import dev.surveyor.height.synth.SyntheticSceneFiles;
import dev.surveyor.io.RasterIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Small synthetic data directories with extra views: {@code img/}, {@code lab/} from {@link
 * SyntheticSceneFiles}, plus {@code tlc/tlc_NAME.tif} (2 float32 bands: {@code 300 + 5 * height}
 * and {@code 200 + column}) and {@code dsm/dsm_NAME.tif} (1 band: {@code 1000 + row}).
 */
public final class ViewFixtures {
    private ViewFixtures() {}

    /** Writes {@code count} scenes of {@code sizePx}² and their views; returns the tile names. */
    public static List<String> write(Path dir, int sizePx, int count) throws IOException {
        ConfigSyntheticScene c = new ConfigSyntheticScene();
        c.widthPx = sizePx;
        c.heightPx = sizePx;
        c.buildingCoverFraction = 0.4;
        c.maxBuildingSideM = 30;
        c.maxFloors = 8;
        c.seed = 7;
        List<String> names = SyntheticSceneFiles.writeDataDir(dir, c, count);
        Files.createDirectories(dir.resolve("tlc"));
        Files.createDirectories(dir.resolve("dsm"));
        for (String n : names) {
            TileReader.FloatBands h = TileReader.read(dir.resolve("lab/lab_" + n + ".tif"));
            RasterF32 a = new RasterF32(sizePx, sizePx);
            RasterF32 b = new RasterF32(sizePx, sizePx);
            RasterF32 d = new RasterF32(sizePx, sizePx);
            for (int y = 0; y < sizePx; y++) {
                for (int x = 0; x < sizePx; x++) {
                    a.set(x, y, 300 + 5 * h.bands()[0][y * sizePx + x]);
                    b.set(x, y, 200 + x);
                    d.set(x, y, 1000 + y);
                }
            }
            writeRaster(dir.resolve("tlc/tlc_" + n + ".tif"), a, b);
            writeRaster(dir.resolve("dsm/dsm_" + n + ".tif"), d);
        }
        return names;
    }

    /** Writes float32 bands as a GeoTIFF. */
    public static void writeRaster(Path file, RasterF32... bands) throws IOException {
        RasterIO.write(RasterDataset.of(MultiBandRaster.of(bands)), file);
    }
}
