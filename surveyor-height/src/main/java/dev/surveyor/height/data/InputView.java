package dev.surveyor.height.data;

import java.io.Serializable;
import java.util.List;

/**
 * An extra co-registered view whose bands follow the image bands in a model's input (for example
 * {@code tlc}: the ZY-3 three-line-camera nadir, forward and backward panchromatic views on the
 * image's pixel grid). In a data directory a view is a sub-directory of TIFFs paired by tile name
 * like {@code lab/} ({@code tlc/tlc_bj0216.tif}).
 *
 * @param name view name: the sub-directory name, letters, digits, {@code _} or {@code -}
 * @param bands number of bands the view contributes (at least 1)
 */
public record InputView(String name, int bands) implements Serializable {
    public InputView {
        checkName(name);
        if (bands < 1) {
            throw new IllegalArgumentException(
                    "view '" + name + "' must have at least one band, got " + bands);
        }
    }

    /**
     * Checks a view name (a sub-directory name).
     *
     * @throws IllegalArgumentException naming the value when it is not letters, digits, {@code _}
     *     or {@code -}
     */
    public static String checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(
                    "view name '" + name + "' must be letters, digits, _ or - (a directory name)");
        }
        return name;
    }

    /** {@code NAME (N bands)}, as messages show it. */
    @Override
    public String toString() {
        return name + " (" + bands + (bands == 1 ? " band)" : " bands)");
    }

    /**
     * The image bands of an input of {@code inputBands} bands whose last bands are those of {@code
     * views}.
     *
     * @param owner whose bands, in the message ({@code the}, {@code the network's}, ...)
     * @param noun what they are, in the message ({@code input bands}, {@code bands})
     * @throws IllegalArgumentException naming the views and the band counts when the views take
     *     every band
     */
    public static int imageBands(List<InputView> views, int inputBands, String owner, String noun) {
        int viewBands = totalBands(views);
        if (viewBands >= inputBands) {
            throw new IllegalArgumentException(
                    "views "
                            + views
                            + " take "
                            + viewBands
                            + " of "
                            + owner
                            + " "
                            + inputBands
                            + " "
                            + noun
                            + ", leaving no image band");
        }
        return inputBands - viewBands;
    }

    /** Total bands of {@code views}. */
    public static int totalBands(List<InputView> views) {
        int n = 0;
        for (InputView v : views) {
            n += v.bands();
        }
        return n;
    }
}
