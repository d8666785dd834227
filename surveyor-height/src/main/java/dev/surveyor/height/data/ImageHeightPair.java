package dev.surveyor.height.data;

/**
 * One source tile: co-registered image bands and a height raster on the same pixel grid.
 *
 * @param name tile name (the split unit: crops of one tile never cross splits)
 * @param bands image bands, each row-major {@code width * height} floats (raw sample values; NaN =
 *     no data)
 * @param heightM height above ground in metres, row-major; NaN = no data (masked); may be null for
 *     prediction-only use
 * @param width columns
 * @param height rows
 */
public record ImageHeightPair(
        String name, float[][] bands, float[] heightM, int width, int height) {
    public ImageHeightPair {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    name + ": size must be positive, got " + width + "x" + height);
        }
        if (bands.length < 1) {
            throw new IllegalArgumentException(name + ": needs at least one band");
        }
        for (float[] b : bands) {
            if (b.length != width * height) {
                throw new IllegalArgumentException(
                        name + ": band has " + b.length + " samples, expected " + width * height);
            }
        }
        if (heightM != null && heightM.length != width * height) {
            throw new IllegalArgumentException(
                    name
                            + ": height has "
                            + heightM.length
                            + " samples, expected "
                            + width * height);
        }
    }

    /** Number of image bands. */
    public int numBands() {
        return bands.length;
    }
}
