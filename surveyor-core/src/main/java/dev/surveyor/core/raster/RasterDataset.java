package dev.surveyor.core.raster;

import dev.surveyor.core.geo.GridGeometry;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A raster with what a file says about it: pixels, georeferencing and no-data.
 *
 * @param raster the bands
 * @param geometry georeferencing, or {@code null} when the file has none
 * @param noData the no-data value ({@code NaN} may be the value), or empty when there is none
 * @param metadata free-form key/value metadata (e.g. ENVI header keys), immutable
 */
public record RasterDataset(
        MultiBandRaster raster,
        GridGeometry geometry,
        OptionalDouble noData,
        Map<String, String> metadata) {
    public RasterDataset {
        if (raster == null) {
            throw new IllegalArgumentException("raster must not be null");
        }
        if (geometry != null
                && (geometry.width() != raster.width() || geometry.height() != raster.height())) {
            throw new IllegalArgumentException(
                    "grid geometry is "
                            + geometry.width()
                            + "x"
                            + geometry.height()
                            + " but the raster is "
                            + raster.width()
                            + "x"
                            + raster.height());
        }
        noData = noData == null ? OptionalDouble.empty() : noData;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Pixels only: no geometry, no no-data, no metadata. */
    public static RasterDataset of(MultiBandRaster raster) {
        return new RasterDataset(raster, null, OptionalDouble.empty(), Map.of());
    }

    /** Pixels and geometry (may be null), no no-data. */
    public static RasterDataset of(MultiBandRaster raster, GridGeometry geometry) {
        return new RasterDataset(raster, geometry, OptionalDouble.empty(), Map.of());
    }

    /** The georeferencing, when present. */
    public Optional<GridGeometry> gridGeometry() {
        return Optional.ofNullable(geometry);
    }

    /** A copy with another no-data value. */
    public RasterDataset withNoData(double value) {
        return new RasterDataset(raster, geometry, OptionalDouble.of(value), metadata);
    }

    /** Whether {@code v} is no-data here: NaN always is, and so is the no-data value. */
    public boolean isNoData(double v) {
        return Double.isNaN(v) || (noData.isPresent() && v == noData.getAsDouble());
    }

    public int width() {
        return raster.width();
    }

    public int height() {
        return raster.height();
    }

    public int numBands() {
        return raster.numBands();
    }

    public DataType dataType() {
        return raster.dataType();
    }

    /** Band {@code i}, 0-based. */
    public Raster band(int i) {
        return raster.band(i);
    }
}
