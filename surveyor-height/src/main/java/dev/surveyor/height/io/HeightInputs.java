package dev.surveyor.height.io;

import dev.surveyor.height.data.InputView;
import dev.surveyor.height.predict.TiledHeightPredictor;
import dev.surveyor.io.RasterIO;
import dev.surveyor.io.RasterSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The open input files of a height prediction: the image and the files of the model's extra views
 * (same pixel grid), read window by window. Closing closes every file.
 */
public final class HeightInputs implements AutoCloseable {
    private final RasterSource image;
    private final List<RasterSource> views;

    private HeightInputs(RasterSource image, List<RasterSource> views) {
        this.image = image;
        this.views = List.copyOf(views);
    }

    /**
     * Opens the image and the view files (nothing is left open when one fails to open).
     *
     * @param viewFiles (Input) one file per view of the model, in the model's order
     */
    public static HeightInputs open(Path image, List<Path> viewFiles) throws IOException {
        List<RasterSource> opened = new ArrayList<>();
        try {
            RasterSource src = RasterIO.open(image);
            opened.add(src);
            for (Path f : viewFiles) {
                opened.add(RasterIO.open(f));
            }
            return new HeightInputs(src, opened.subList(1, opened.size()));
        } catch (IOException | RuntimeException e) {
            closeAll(opened, e);
            throw e;
        }
    }

    /**
     * Opens the inputs and checks them against a model ({@link HeightPipelines#checkPredictable(
     * String, RasterSource, Path, int, List, List)}); closes them when the check fails.
     *
     * @param model the model's name in messages (its directory)
     */
    public static HeightInputs openChecked(
            String model, Path image, List<Path> viewFiles, int imageBands, List<InputView> views)
            throws IOException {
        HeightInputs in = open(image, viewFiles);
        try {
            HeightPipelines.checkPredictable(model, in.image, image, imageBands, views, in.views);
            return in;
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The image. */
    public RasterSource image() {
        return image;
    }

    /**
     * Reads a window of the model input: the image's bands, then every view's bands, as floats
     * (each file's no-data value and NaN → NaN).
     */
    public float[][] readWindow(int x0, int y0, int w, int h) throws IOException {
        float[][] img =
                TiledHeightPredictor.readWindow(
                        image.readWindow(x0, y0, w, h), image.noData(), 0, 0, w, h);
        if (views.isEmpty()) {
            return img;
        }
        List<float[]> all = new ArrayList<>(List.of(img));
        for (RasterSource vs : views) {
            all.addAll(
                    List.of(
                            TiledHeightPredictor.readWindow(
                                    vs.readWindow(x0, y0, w, h), vs.noData(), 0, 0, w, h)));
        }
        return all.toArray(new float[0][]);
    }

    @Override
    public void close() throws IOException {
        List<RasterSource> all = new ArrayList<>(views);
        all.add(image);
        IOException first = null;
        for (RasterSource s : all) {
            try {
                s.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void closeAll(List<RasterSource> sources, Exception cause) {
        for (RasterSource s : sources) {
            try {
                s.close();
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
