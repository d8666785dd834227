package dev.surveyor.imgproc.feature;

import boofcv.abst.feature.associate.AssociateDescription;
import boofcv.factory.feature.associate.ConfigAssociateNearestNeighbor;
import boofcv.factory.feature.associate.FactoryAssociation;
import boofcv.struct.feature.AssociatedIndex;
import boofcv.struct.feature.TupleDesc_F64;
import java.util.ArrayList;
import java.util.List;
import org.ddogleg.struct.DogArray;
import org.ddogleg.struct.FastAccess;

/**
 * Approximate nearest-neighbour matching of descriptors with a randomised k-d forest (BoofCV's
 * {@code kdRandomForest}, the FLANN method), Euclidean distance.
 *
 * <p>Each source descriptor is matched to its (approximate) nearest destination descriptor;
 * optionally Lowe's ratio test and a mutual-nearest-neighbour check are applied. Deterministic for
 * a fixed seed. Not thread-safe; one instance per thread.
 */
public final class ApproximateNearestNeighbourMatcher {
    private final AssociateDescription<TupleDesc_F64> forward;
    private final AssociateDescription<TupleDesc_F64> backward;
    private final boolean mutual;
    private final ConfigMatcher config;

    ApproximateNearestNeighbourMatcher(ConfigMatcher c, int dof) {
        this.config = c;
        this.mutual = c.mutual;
        this.forward = build(c, dof);
        this.backward = c.mutual ? build(c, dof) : null;
    }

    private static AssociateDescription<TupleDesc_F64> build(ConfigMatcher c, int dof) {
        ConfigAssociateNearestNeighbor nn = new ConfigAssociateNearestNeighbor();
        nn.scoreRatioThreshold = c.ratio;
        nn.maxNodesSearched = c.maxNodesSearched;
        nn.distanceIsSquared = false;
        return FactoryAssociation.kdRandomForest(nn, dof, c.numTrees, c.numConsiderSplit, c.seed);
    }

    /** A matcher for descriptors of length {@code dof} ({@code null} config = defaults). */
    public static ApproximateNearestNeighbourMatcher create(ConfigMatcher config, int dof) {
        ConfigMatcher c = config != null ? config.copy() : new ConfigMatcher();
        c.validate();
        return new ApproximateNearestNeighbourMatcher(c, dof);
    }

    /**
     * Matches every source descriptor to a destination descriptor.
     *
     * @param source (Input) e.g. reference-image descriptors. Not modified.
     * @param destination (Input) e.g. secondary-image descriptors. Not modified.
     * @return matches with their Euclidean descriptor distance, in source order
     */
    public List<FeatureMatch> match(double[][] source, double[][] destination) {
        if (source.length == 0 || destination.length == 0) {
            return List.of();
        }
        FastAccess<TupleDesc_F64> src = wrap(source);
        FastAccess<TupleDesc_F64> dst = wrap(destination);
        int[] back = null;
        if (mutual) {
            backward.setSource(dst);
            backward.setDestination(src);
            backward.associate();
            back = new int[destination.length];
            java.util.Arrays.fill(back, -1);
            for (AssociatedIndex a : backward.getMatches().toList()) {
                back[a.src] = a.dst;
            }
        }
        forward.setSource(src);
        forward.setDestination(dst);
        forward.associate();
        List<FeatureMatch> out = new ArrayList<>();
        for (AssociatedIndex a : forward.getMatches().toList()) {
            if (back != null && back[a.dst] != a.src) {
                continue;
            }
            out.add(new FeatureMatch(a.src, a.dst, distance(source[a.src], destination[a.dst])));
        }
        out.sort(java.util.Comparator.comparingInt(FeatureMatch::sourceIndex));
        return List.copyOf(out);
    }

    /** The settings (a copy). */
    public ConfigMatcher config() {
        return config.copy();
    }

    private static FastAccess<TupleDesc_F64> wrap(double[][] v) {
        int dof = v[0].length;
        DogArray<TupleDesc_F64> a = new DogArray<>(() -> new TupleDesc_F64(dof));
        for (double[] d : v) {
            if (d.length != dof) {
                throw new IllegalArgumentException(
                        "descriptors must have the same length " + dof + ", got " + d.length);
            }
            a.grow().setTo(d);
        }
        return a;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
