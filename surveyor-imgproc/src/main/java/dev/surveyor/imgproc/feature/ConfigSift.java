package dev.surveyor.imgproc.feature;

import dev.surveyor.core.util.Checks;
import dev.surveyor.core.util.Config;

/** Settings for {@link SiftDescriber}. */
public class ConfigSift implements Config {
    private static final long serialVersionUID = 1L;

    /** Radius of the described region around each point, pixels. Default 8. */
    public double radiusPx = 8.0;

    /**
     * Orientation assigned to every point, radians. SAR images of one orbit track are not rotated
     * against each other, so the paper's setting uses upright descriptors. Default 0.
     */
    public double orientationRad = 0.0;

    @Override
    public void validate() {
        Checks.inRange("radiusPx", radiusPx, 1.0, 200.0);
        Checks.finite("orientationRad", orientationRad);
    }

    /** A deep copy. */
    public ConfigSift copy() {
        ConfigSift c = new ConfigSift();
        c.radiusPx = radiusPx;
        c.orientationRad = orientationRad;
        return c;
    }
}
