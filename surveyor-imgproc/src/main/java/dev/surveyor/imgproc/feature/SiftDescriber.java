package dev.surveyor.imgproc.feature;

import boofcv.abst.feature.describe.ConfigSiftDescribe;
import boofcv.abst.feature.describe.ConfigSiftScaleSpace;
import boofcv.abst.feature.describe.DescribePointRadiusAngle;
import boofcv.factory.feature.describe.FactoryDescribePointRadiusAngle;
import boofcv.struct.feature.TupleDesc_F64;
import boofcv.struct.image.GrayF32;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.imgproc.BoofImages;
import java.util.ArrayList;
import java.util.List;

/**
 * SIFT descriptors (Lowe 2004, BoofCV's implementation: 4x4 grid of 8-bin gradient histograms, 128
 * values, normalised) at given points, with a fixed radius and orientation.
 *
 * <p>Not thread-safe (BoofCV scale space); use one instance per thread.
 */
public final class SiftDescriber {
    private final double radius;
    private final double orientation;
    private final DescribePointRadiusAngle<GrayF32, TupleDesc_F64> describer;

    SiftDescriber(ConfigSift c) {
        this.radius = c.radiusPx;
        this.orientation = c.orientationRad;
        // only the scales a fixed radius needs: BoofCV's default starts at octave -1 (a 2x
        // upsampled image) and builds 6 octaves, most of the cost on large images
        ConfigSiftScaleSpace space = new ConfigSiftScaleSpace();
        space.firstOctave = 0;
        space.lastOctave = 2;
        this.describer =
                FactoryDescribePointRadiusAngle.sift(
                        space, new ConfigSiftDescribe(), GrayF32.class);
    }

    /** A describer with the given settings ({@code null} = defaults). */
    public static SiftDescriber create(ConfigSift config) {
        ConfigSift c = config != null ? config.copy() : new ConfigSift();
        c.validate();
        return new SiftDescriber(c);
    }

    /**
     * Describes the image around each point.
     *
     * @param image (Input) image. NaN is replaced by 0. Not modified.
     * @param points (Input) pixel-centre positions. Not modified.
     * @return the described points and their descriptors
     */
    public Descriptors describe(RasterF32 image, List<Keypoint> points) {
        GrayF32 gray = BoofImages.toGray(image, 0f);
        describer.setImage(gray);
        List<Keypoint> kept = new ArrayList<>();
        List<double[]> vectors = new ArrayList<>();
        TupleDesc_F64 d = describer.createDescription();
        for (Keypoint p : points) {
            if (describer.process(p.xPx(), p.yPx(), orientation, radius, d)) {
                kept.add(p);
                vectors.add(d.data.clone());
            }
        }
        return new Descriptors(kept, vectors.toArray(new double[0][]));
    }
}
