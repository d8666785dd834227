package dev.surveyor.craters.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Test-time augmentation of a detection window: the window is also run through transformed copies
 * of itself, each output is transformed back, and the heatmap probabilities and the sizes are the
 * means over the copies (offsets come from the untransformed pass). Craters are round, so their
 * labels are invariant under the transforms.
 *
 * <p>Transforms, applied to the {@code [batch, channel, row, column]} input in this order: an
 * optional transpose (rows ↔ columns; the width and height outputs swap back), an optional up-down
 * flip, an optional left-right flip. The eight combinations are the dihedral group D4 (flips, 90°
 * rotations, transposes).
 */
public enum TestTimeAugmentation {
    /** The window as it is (1 pass). */
    NONE(new int[] {0}),
    /** Plus the left-right mirror: CenterNet's {@code --flip_test} (2 passes). */
    FLIP(new int[] {0, 1}),
    /** All eight flips, rotations by multiples of 90° and transposes (8 passes). */
    D4(new int[] {0, 1, 2, 3, 4, 5, 6, 7});

    // The codes above are written as numbers: an enum constant cannot name the static fields below.

    /** Bit of a transform code: left-right flip (columns reversed). */
    public static final int FLIP_LEFT_RIGHT = 1;

    /** Bit of a transform code: up-down flip (rows reversed). */
    public static final int FLIP_UP_DOWN = 2;

    /** Bit of a transform code: transpose (applied before the flips). */
    public static final int TRANSPOSE = 4;

    private final int[] transforms;

    TestTimeAugmentation(int[] transforms) {
        this.transforms = transforms;
    }

    /**
     * The transform codes run (bits {@link #FLIP_LEFT_RIGHT}, {@link #FLIP_UP_DOWN}, {@link
     * #TRANSPOSE}).
     */
    public int[] transforms() {
        return transforms.clone();
    }

    /** Forward passes per window. */
    public int passes() {
        return transforms.length;
    }

    /** Name as written in {@code model.json} and on the command line: none, flip, d4. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses none, flip or d4 (any case).
     *
     * @throws IllegalArgumentException naming the value otherwise
     */
    public static TestTimeAugmentation parse(String s) {
        for (TestTimeAugmentation t : values()) {
            if (t.id().equalsIgnoreCase(s.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "test-time augmentation must be none, flip or d4, got '" + s + "'");
    }

    /**
     * The setting stored in a {@code model.json}: {@code testTimeAugmentation} when present, else
     * {@code flipTest: true} as {@link #FLIP} (models written before D4 existed), else {@link
     * #NONE}.
     */
    public static TestTimeAugmentation fromModelJson(JsonNode json) {
        if (json.hasNonNull("testTimeAugmentation")) {
            return parse(json.get("testTimeAugmentation").asText());
        }
        return json.path("flipTest").asBoolean(false) ? FLIP : NONE;
    }

    /**
     * The setting asked for on a command line: {@code --tta NAME} or the older {@code --flip-test
     * true|false}, not both.
     *
     * @param tta the {@code --tta} value, or null
     * @param flipTest the {@code --flip-test} value, or null
     * @return null when neither is given (the model's setting applies)
     * @throws IllegalArgumentException when both are given or the name is unknown
     */
    public static TestTimeAugmentation fromOptions(String tta, Boolean flipTest) {
        if (tta != null && flipTest != null) {
            throw new IllegalArgumentException(
                    "give --tta or --flip-test, not both (got --tta " + tta + ")");
        }
        if (tta != null) {
            return parse(tta);
        }
        if (flipTest != null) {
            return flipTest ? FLIP : NONE;
        }
        return null;
    }
}
