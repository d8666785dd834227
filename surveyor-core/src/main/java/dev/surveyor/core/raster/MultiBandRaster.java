package dev.surveyor.core.raster;

import java.util.List;

/**
 * Bands of one size and one type, band 0 first. The list is immutable; the bands' pixels are not.
 *
 * @param bands the bands (at least one), all of one size and type
 */
public record MultiBandRaster(List<Raster> bands) {
    public MultiBandRaster {
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException("a raster needs at least one band");
        }
        bands = List.copyOf(bands);
        Raster b0 = bands.get(0);
        for (int i = 1; i < bands.size(); i++) {
            Raster b = bands.get(i);
            if (b.width() != b0.width()
                    || b.height() != b0.height()
                    || b.dataType() != b0.dataType()) {
                throw new IllegalArgumentException(
                        "band "
                                + (i + 1)
                                + " is "
                                + b.dataType()
                                + " "
                                + b.width()
                                + "x"
                                + b.height()
                                + " but band 1 is "
                                + b0.dataType()
                                + " "
                                + b0.width()
                                + "x"
                                + b0.height());
            }
        }
    }

    /** One band wrapped. */
    public static MultiBandRaster of(Raster... bands) {
        return new MultiBandRaster(List.of(bands));
    }

    /** {@code n} new zero-filled bands. */
    public static MultiBandRaster create(DataType type, int width, int height, int n) {
        Raster[] b = new Raster[n];
        for (int i = 0; i < n; i++) {
            b[i] = Rasters.create(type, width, height);
        }
        return of(b);
    }

    public int width() {
        return bands.get(0).width();
    }

    public int height() {
        return bands.get(0).height();
    }

    public int numBands() {
        return bands.size();
    }

    public DataType dataType() {
        return bands.get(0).dataType();
    }

    /** Band {@code i}, 0-based. */
    public Raster band(int i) {
        return bands.get(i);
    }

    /** Views of the same window in every band (no copy). */
    public MultiBandRaster subView(int x0, int y0, int w, int h) {
        return new MultiBandRaster(bands.stream().map(b -> b.subView(x0, y0, w, h)).toList());
    }
}
