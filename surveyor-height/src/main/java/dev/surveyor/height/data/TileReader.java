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
        return readPair(image, heightFile, List.of());
    }

    /**
     * Reads one image/height pair with extra views whose bands are appended after the image bands,
     * in the given order; every file must share the image's pixel grid.
     *
     * @throws RasterFormatException naming both files and sizes when a grid differs
     */
    public static ImageHeightPair readPair(Path image, Path heightFile, List<Path> viewFiles)
            throws IOException {
        return readPair(image, heightFile, viewFiles, null);
    }

    /**
     * As {@link #readPair(Path, Path, List)}; {@code viewBandsOut} (may be null) as in {@link
     * #withViews}.
     */
    private static ImageHeightPair readPair(
            Path image, Path heightFile, List<Path> viewFiles, int[] viewBandsOut)
            throws IOException {
        FloatBands img = read(image);
        FloatBands hgt = read(heightFile);
        checkSameGrid(image, img, heightFile, hgt);
        return new ImageHeightPair(
                tileName(image),
                withViews(image, img, viewFiles, viewBandsOut),
                hgt.bands()[0],
                img.width(),
                img.height());
    }

    /**
     * Reads every pair of a data directory holding {@code img/} and {@code lab/} sub-directories
     * (TIFFs paired by tile name), sorted by tile name.
     */
    public static List<ImageHeightPair> readDataDir(Path dataDir) throws IOException {
        return readTiles(dataDir, List.of()).tiles();
    }

    /**
     * The tiles of a data directory and their band layout.
     *
     * @param tiles tiles sorted by name; bands: the image bands, then each view's bands in order
     * @param imageBands number of image bands (same in every tile)
     * @param views the views appended after the image bands, with their band counts
     */
    public record TileSet(List<ImageHeightPair> tiles, int imageBands, List<InputView> views) {
        public TileSet {
            tiles = List.copyOf(tiles);
            views = List.copyOf(views);
        }
    }

    /**
     * Reads every pair of a data directory holding {@code img/} and {@code lab/} (TIFFs paired by
     * tile name), appending the bands of each named view sub-directory ({@code dataDir/NAME/},
     * TIFFs paired by tile name like {@code lab/}) after the image bands, in the order given. Every
     * tile with an image and a height file must have a file in every view directory.
     *
     * @param viewNames view sub-directory names (empty: image bands only)
     * @throws IllegalArgumentException naming the directory and tile when a directory or a view
     *     file is missing
     * @throws RasterFormatException naming the files when a grid or a band count differs
     */
    public static TileSet readTiles(Path dataDir, List<String> viewNames) throws IOException {
        Path imgDir = dataDir.resolve("img");
        Path labDir = dataDir.resolve("lab");
        if (!Files.isDirectory(imgDir) || !Files.isDirectory(labDir)) {
            throw new IllegalArgumentException(
                    dataDir + ": expected sub-directories img/ and lab/ with paired TIFFs");
        }
        List<Map<String, Path>> viewFiles = new ArrayList<>();
        for (int i = 0; i < viewNames.size(); i++) {
            String v = InputView.checkName(viewNames.get(i));
            if (v.equals("img") || v.equals("lab") || viewNames.subList(0, i).contains(v)) {
                throw new IllegalArgumentException(
                        "view '" + v + "' is given twice or is img/lab; views: " + viewNames);
            }
            Path vd = dataDir.resolve(v);
            if (!Files.isDirectory(vd)) {
                throw new IllegalArgumentException(
                        vd + ": no such view directory (view '" + v + "')");
            }
            viewFiles.add(byTileName(vd));
        }
        Map<String, Path> labs = byTileName(labDir);
        List<ImageHeightPair> out = new ArrayList<>();
        int[] viewBands = null;
        int imageBands = -1;
        Path first = null;
        for (Path p : tiffs(imgDir)) {
            String tile = tileName(p);
            Path lab = labs.get(tile);
            if (lab == null) {
                continue;
            }
            List<Path> views = new ArrayList<>();
            for (int i = 0; i < viewNames.size(); i++) {
                Path vf = viewFiles.get(i).get(tile);
                if (vf == null) {
                    throw new IllegalArgumentException(
                            dataDir.resolve(viewNames.get(i))
                                    + ": no file for tile "
                                    + tile
                                    + " (view '"
                                    + viewNames.get(i)
                                    + "' needs one per image/height pair, e.g. "
                                    + viewNames.get(i)
                                    + "_"
                                    + tile
                                    + ".tif)");
                }
                views.add(vf);
            }
            int[] counts = new int[views.size()];
            ImageHeightPair pair = readPair(p, lab, views, counts);
            int tileImageBands = pair.bands().length - java.util.Arrays.stream(counts).sum();
            if (first == null) {
                first = p;
                imageBands = tileImageBands;
                viewBands = counts;
            } else {
                if (tileImageBands != imageBands) {
                    throw new RasterFormatException(
                            p
                                    + ": has "
                                    + tileImageBands
                                    + " bands but "
                                    + first
                                    + " has "
                                    + imageBands);
                }
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != viewBands[i]) {
                        throw new RasterFormatException(
                                views.get(i)
                                        + ": view '"
                                        + viewNames.get(i)
                                        + "' has "
                                        + counts[i]
                                        + " bands but has "
                                        + viewBands[i]
                                        + " in tile "
                                        + tileName(first));
                    }
                }
            }
            out.add(pair);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(
                    dataDir + ": no image/height pair found in img/ and lab/");
        }
        List<InputView> views = new ArrayList<>();
        for (int i = 0; i < viewNames.size(); i++) {
            views.add(new InputView(viewNames.get(i), viewBands[i]));
        }
        return new TileSet(out, imageBands, views);
    }

    /**
     * The image bands followed by the bands of every view file; {@code countsOut} (may be null)
     * receives each view's band count.
     */
    private static float[][] withViews(
            Path image, FloatBands img, List<Path> viewFiles, int[] countsOut) throws IOException {
        if (viewFiles.isEmpty()) {
            return img.bands();
        }
        List<float[]> all = new ArrayList<>(List.of(img.bands()));
        for (int i = 0; i < viewFiles.size(); i++) {
            FloatBands v = read(viewFiles.get(i));
            checkSameGrid(image, img, viewFiles.get(i), v);
            all.addAll(List.of(v.bands()));
            if (countsOut != null) {
                countsOut[i] = v.bands().length;
            }
        }
        return all.toArray(new float[0][]);
    }

    private static void checkSameGrid(Path refFile, FloatBands ref, Path file, FloatBands r)
            throws RasterFormatException {
        if (ref.width() != r.width() || ref.height() != r.height()) {
            throw new RasterFormatException(
                    file
                            + ": size "
                            + r.width()
                            + "x"
                            + r.height()
                            + " differs from "
                            + refFile
                            + " "
                            + ref.width()
                            + "x"
                            + ref.height());
        }
    }

    private static Map<String, Path> byTileName(Path dir) throws IOException {
        Map<String, Path> m = new TreeMap<>();
        for (Path p : tiffs(dir)) {
            m.put(tileName(p), p);
        }
        return m;
    }

    private static List<Path> tiffs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("(?i).*\\.tiff?$"))
                    .sorted()
                    .toList();
        }
    }
}
