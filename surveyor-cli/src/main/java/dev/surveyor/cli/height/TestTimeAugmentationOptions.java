package dev.surveyor.cli.height;

import dev.surveyor.height.data.DihedralSet;
import picocli.CommandLine.Option;

/**
 * {@code --tta [SET]} and {@code --no-tta}: the flips/transposes a height prediction averages over,
 * overriding the model's {@code testTimeAugmentation} ({@code model.json}).
 */
public final class TestTimeAugmentationOptions {
    @Option(
            names = "--tta",
            arity = "0..1",
            fallbackValue = DihedralSet.D4_NAME,
            paramLabel = "SET",
            description =
                    "Test-time augmentation: average each window over these flips/transposes: d4"
                            + " (all 8, 8x slower; what a bare --tta means), none, or a comma list"
                            + " of identity, transpose, flip-columns, rot90cw, flip-rows, rot90ccw,"
                            + " rot180, antitranspose. Default: the model's testTimeAugmentation"
                            + " (model.json; each member's for an ensemble, the first model's for a soup).")
    String tta;

    @Option(names = "--no-tta", description = "No test-time augmentation (--tta none).")
    boolean noTta;

    /**
     * The transforms asked for, or {@code modelDefault} when neither option was given.
     *
     * @throws IllegalArgumentException when both options are given or the set is not valid
     */
    public DihedralSet orDefault(DihedralSet modelDefault) {
        if (noTta && tta != null) {
            throw new IllegalArgumentException("--tta " + tta + " and --no-tta contradict");
        }
        if (noTta) {
            return DihedralSet.NONE;
        }
        return tta == null ? modelDefault : DihedralSet.parse(tta);
    }
}
