package dev.surveyor.height.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws random square crops with random dihedral augmentation from a set of tiles, normalised and
 * packed for a batch.
 *
 * <p>Each crop picks a tile with probability proportional to its pixel count, a uniformly random
 * top-left corner and one of the allowed {@link Dihedral} transforms (uniformly). Tiles smaller
 * than the crop are padded by mirror reflection. Not thread-safe (owns its random generator).
 */
public final class CropSampler {
    private final List<ImageHeightPair> tiles;
    private final BandNormalization norm;
    private final int cropPx;
    private final DihedralSet augmentation;
    private final SplittableRandom random;
    private final long[] cumulativePixels;

    /**
     * @param tiles (Input) training tiles, all with heights. Not modified.
     * @param norm band normalisation
     * @param cropPx crop size in pixels
     * @param augmentation the transforms drawn from ({@link DihedralSet#NONE}: crops as they are)
     * @param seed random seed
     */
    public CropSampler(
            List<ImageHeightPair> tiles,
            BandNormalization norm,
            int cropPx,
            DihedralSet augmentation,
            long seed) {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("no tiles to sample crops from");
        }
        for (ImageHeightPair t : tiles) {
            if (t.heightM() == null) {
                throw new IllegalArgumentException(t.name() + " has no height raster");
            }
            if (t.numBands() != norm.numBands()) {
                throw new IllegalArgumentException(
                        t.name()
                                + " has "
                                + t.numBands()
                                + " bands, the normalisation "
                                + norm.numBands());
            }
        }
        this.tiles = List.copyOf(tiles);
        this.norm = norm;
        this.cropPx = cropPx;
        this.augmentation = augmentation;
        this.random = new SplittableRandom(seed);
        this.cumulativePixels = new long[tiles.size()];
        long acc = 0;
        for (int i = 0; i < tiles.size(); i++) {
            acc += (long) tiles.get(i).width() * tiles.get(i).height();
            cumulativePixels[i] = acc;
        }
    }

    /** Crop size in pixels. */
    public int cropPx() {
        return cropPx;
    }

    /**
     * Fills a batch.
     *
     * @param image (Output) {@code batch * bands * crop * crop} floats, NCHW. Modified.
     * @param heightM (Output) {@code batch * crop * crop} heights in metres, NaN = no data.
     *     Modified.
     * @param batch number of crops
     */
    public void sample(float[] image, float[] heightM, int batch) {
        int nb = norm.numBands();
        int area = cropPx * cropPx;
        for (int n = 0; n < batch; n++) {
            long pick = random.nextLong(cumulativePixels[cumulativePixels.length - 1]);
            int ti = 0;
            while (cumulativePixels[ti] <= pick) {
                ti++;
            }
            ImageHeightPair t = tiles.get(ti);
            int x0 = t.width() > cropPx ? random.nextInt(t.width() - cropPx + 1) : 0;
            int y0 = t.height() > cropPx ? random.nextInt(t.height() - cropPx + 1) : 0;
            int tr =
                    augmentation.size() == 1
                            ? augmentation.get(0)
                            : augmentation.get(random.nextInt(augmentation.size()));
            for (int y = 0; y < cropPx; y++) {
                for (int x = 0; x < cropPx; x++) {
                    int s = Dihedral.sourceIndex(tr, x, y, cropPx);
                    int sx = reflect(x0 + s % cropPx, t.width());
                    int sy = reflect(y0 + s / cropPx, t.height());
                    int src = sy * t.width() + sx;
                    int dst = y * cropPx + x;
                    for (int b = 0; b < nb; b++) {
                        image[(n * nb + b) * area + dst] = norm.apply(b, t.bands()[b][src]);
                    }
                    heightM[n * area + dst] = t.heightM()[src];
                }
            }
        }
    }

    /** Mirror reflection (without repeating the edge) into [0, n). */
    static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
