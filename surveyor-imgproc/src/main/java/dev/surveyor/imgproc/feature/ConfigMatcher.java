package dev.surveyor.imgproc.feature;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;

/** Settings for {@link ApproximateNearestNeighbourMatcher}. */
public class ConfigMatcher implements Config {
    private static final long serialVersionUID = 1L;

    /** Number of randomised k-d trees (FLANN-style forest). Default 4. */
    public int numTrees = 4;

    /** Most tree nodes visited per query (approximation level). Default 64. */
    public int maxNodesSearched = 64;

    /** Dimensions considered at each split. Default 5. */
    public int numConsiderSplit = 5;

    /**
     * Lowe's ratio test: best / second-best distance must be below this; 1 = off (the paper has no
     * ratio test, it uses the distance filter instead). Default 1.
     */
    public double ratio = 1.0;

    /** Keep only matches that are mutual nearest neighbours. Default true. */
    public boolean mutual = true;

    /** Seed of the random forest. Default 42. */
    public long seed = 42;

    @Override
    public void validate() {
        Checks.positive("numTrees", numTrees);
        Checks.positive("maxNodesSearched", maxNodesSearched);
        Checks.positive("numConsiderSplit", numConsiderSplit);
        Checks.inRange("ratio", ratio, 0.01, 1.0);
    }

    /** A deep copy. */
    public ConfigMatcher copy() {
        ConfigMatcher c = new ConfigMatcher();
        c.numTrees = numTrees;
        c.maxNodesSearched = maxNodesSearched;
        c.numConsiderSplit = numConsiderSplit;
        c.ratio = ratio;
        c.mutual = mutual;
        c.seed = seed;
        return c;
    }
}
