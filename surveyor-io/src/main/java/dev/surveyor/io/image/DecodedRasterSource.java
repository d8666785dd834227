package dev.surveyor.io.image;

import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.io.RasterSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A {@link RasterSource} over a raster already decoded into memory (formats that cannot be read by
 * window, such as PNG). Window reads return copies, so callers may modify them. Safe for concurrent
 * reads.
 */
public final class DecodedRasterSource implements RasterSource {
    private final Path path;
    private final String formatName;
    private final RasterDataset dataset;

    /**
     * @param path the file it was decoded from (for messages)
     * @param formatName e.g. {@code PNG}
     * @param dataset (Input) the decoded raster; kept, not copied, and never modified here
     */
    public DecodedRasterSource(Path path, String formatName, RasterDataset dataset) {
        this.path = path;
        this.formatName = formatName;
        this.dataset = dataset;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String formatName() {
        return formatName;
    }

    @Override
    public int width() {
        return dataset.width();
    }

    @Override
    public int height() {
        return dataset.height();
    }

    @Override
    public int numBands() {
        return dataset.numBands();
    }

    @Override
    public DataType dataType() {
        return dataset.dataType();
    }

    @Override
    public Optional<GridGeometry> geometry() {
        return dataset.gridGeometry();
    }

    @Override
    public OptionalDouble noData() {
        return dataset.noData();
    }

    @Override
    public Map<String, String> metadata() {
        return dataset.metadata();
    }

    @Override
    public Raster readBand(int band, int x0, int y0, int w, int h) {
        if (band < 0 || band >= numBands()) {
            throw new IllegalArgumentException(
                    path.getFileName()
                            + ": band index "
                            + band
                            + " is outside 0.."
                            + (numBands() - 1));
        }
        checkWindow(x0, y0, w, h);
        return dataset.band(band).subView(x0, y0, w, h).copy();
    }

    @Override
    public RasterDataset readAll() {
        Raster[] bands = new Raster[numBands()];
        for (int b = 0; b < bands.length; b++) {
            bands[b] = dataset.band(b).copy();
        }
        return new RasterDataset(
                dev.surveyor.core.raster.MultiBandRaster.of(bands),
                dataset.geometry(),
                dataset.noData(),
                dataset.metadata());
    }

    @Override
    public void close() {}
}
