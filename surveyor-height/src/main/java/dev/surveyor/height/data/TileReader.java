package dev.surveyor.height.data;

import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.io.RasterIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads image and height TIFFs of any band count and integer or float sample type into float bands,
 * and pairs image and height files by tile name.
 *
 * <p>No-data: float NaN, and samples equal to the file's {@code GDAL_NODATA} tag, become NaN. Tile
 * name: the file name without extension and without the first {@code _}-separated token when there
 * is one ({@code img_bj0216.tif} and {@code lab_bj0216.tif} are both tile {@code bj0216}).
 */
public final class TileReader {
    private TileReader() {}

    /** A raster read as float bands (row-major, NaN = no data). */
    public record FloatBands(float[][] bands, int width, int height) {}

    /**
     * Reads every band of a raster file (GeoTIFF or any format {@link RasterIO} reads) as floats.
     */
    public static FloatBands read(Path file) throws IOException {
        RasterDataset ds = RasterIO.read(file);
        if (ds.dataType().isComplex()) {
            throw new RasterFormatException(file, "complex samples are not image or height bands");
        }
        int w = ds.width();
        int h = ds.height();
        float[][] bands = new float[ds.numBands()][w * h];
        for (int b = 0; b < bands.length; b++) {
            Raster r = ds.band(b);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = r.getDouble(x, y);
                    bands[b][y * w + x] = ds.isNoData(v) ? Float.NaN : (float) v;
                }
            }
        }
        return new FloatBands(bands, w, h);
    }

    /** Tile name of a file (see class doc). */
    public static String tileName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        String stem = dot > 0 ? n.substring(0, dot) : n;
        int us = stem.indexOf('_');
        return us >= 0 && us < stem.length() - 1 ? stem.substring(us + 1) : stem;
    }

    /** Reads one image/height pair; both must share the pixel grid. */
    public static ImageHeightPair readPair(Path image, Path heightFile) throws IOException {
        FloatBands img = read(image);
        FloatBands hgt = read(heightFile);
        if (img.width() != hgt.width() || img.height() != hgt.height()) {
            throw new RasterFormatException(
                    heightFile
                            + ": size "
                            + hgt.width()
                            + "x"
                            + hgt.height()
                            + " differs from "
                            + image
                            + " "
                            + img.width()
                            + "x"
                            + img.height());
        }
        return new ImageHeightPair(
                tileName(image), img.bands(), hgt.bands()[0], img.width(), img.height());
    }

    /**
     * Reads every pair of a data directory holding {@code img/} and {@code lab/} sub-directories
     * (TIFFs paired by tile name), sorted by tile name.
     */
    public static List<ImageHeightPair> readDataDir(Path dataDir) throws IOException {
        Path imgDir = dataDir.resolve("img");
        Path labDir = dataDir.resolve("lab");
        if (!Files.isDirectory(imgDir) || !Files.isDirectory(labDir)) {
            throw new IllegalArgumentException(
                    dataDir + ": expected sub-directories img/ and lab/ with paired TIFFs");
        }
        Map<String, Path> labs = new TreeMap<>();
        for (Path p : tiffs(labDir)) {
            labs.put(tileName(p), p);
        }
        List<ImageHeightPair> out = new ArrayList<>();
        for (Path p : tiffs(imgDir)) {
            Path lab = labs.get(tileName(p));
            if (lab != null) {
                out.add(readPair(p, lab));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(
                    dataDir + ": no image/height pair found in img/ and lab/");
        }
        return out;
    }

    private static List<Path> tiffs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("(?i).*\\.tiff?$"))
                    .sorted()
                    .toList();
        }
    }
}
