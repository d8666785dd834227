package dev.surveyor.height.synth;

import dev.surveyor.core.geo.Crs;
import dev.surveyor.core.geo.GeoTransform;
import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.raster.RasterU16;
import dev.surveyor.io.tiff.GeoTiffWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes synthetic scenes as a training data directory: {@code img/img_NAME.tif} (4-band uint16)
 * and {@code lab/lab_NAME.tif} (float32 height in metres), the layout {@code
 * TileReader.readDataDir} reads. Georeferencing: a made-up north-up UTM zone 50N grid (EPSG:32650)
 * at the scene's GSD, one scene per 10 km step in x, so that the files open in GIS tools.
 */
public final class SyntheticSceneFiles {
    private SyntheticSceneFiles() {}

    /**
     * Generates {@code count} scenes with seeds {@code base.seed + i} and writes them.
     *
     * @return the tile names written
     */
    public static java.util.List<String> writeDataDir(
            Path dir, ConfigSyntheticScene base, int count) throws IOException {
        Files.createDirectories(dir.resolve("img"));
        Files.createDirectories(dir.resolve("lab"));
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            ConfigSyntheticScene c = base.copy();
            c.seed = base.seed + i;
            SyntheticScene s = SyntheticSceneGenerator.create(c).generate();
            String name = String.format(java.util.Locale.ROOT, "syn%04d", c.seed);
            write(
                    s,
                    c.gsdM,
                    500_000 + 10_000.0 * i,
                    dir.resolve("img/img_" + name + ".tif"),
                    dir.resolve("lab/lab_" + name + ".tif"));
            names.add(name);
        }
        return names;
    }

    /** Writes one scene's image and height GeoTIFFs. */
    public static void write(SyntheticScene s, double gsdM, double leftM, Path image, Path height)
            throws IOException {
        int w = s.width();
        int h = s.height();
        GridGeometry g =
                new GridGeometry(
                        w,
                        h,
                        GeoTransform.northUp(leftM, 4_400_000.0, gsdM, gsdM),
                        Crs.epsg(32650));
        RasterU16[] bands = new RasterU16[4];
        for (int b = 0; b < 4; b++) {
            bands[b] = new RasterU16(w, h);
            for (int i = 0; i < w * h; i++) {
                bands[b].unsafeSet(i % w, i / w, Math.round(s.image()[b][i]));
            }
        }
        GeoTiffWriter.write(
                new RasterDataset(MultiBandRaster.of(bands), g, OptionalDouble.empty(), Map.of()),
                image);
        RasterF32 hm = new RasterF32(s.heightM().clone(), w, h, 0, w);
        GeoTiffWriter.write(
                new RasterDataset(MultiBandRaster.of(hm), g, OptionalDouble.empty(), Map.of()),
                height);
    }
}
