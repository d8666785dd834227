package dev.surveyor.height.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Regression loss averaged over valid pixels only.
 *
 * <p>Labels: {@code NDList(target, mask)}, both {@code (N, 1, H, W)}; target has 0 where mask is 0
 * (no data). Prediction: {@code (N, 1, H, W)}. Loss = sum(mask * e) / max(sum(mask), 1) with e = |p
 * − t|, (p − t)² or their sum.
 */
public final class MaskedRegressionLoss extends Loss {
    private final LossKind kind;

    /**
     * @param kind which error
     */
    public MaskedRegressionLoss(LossKind kind) {
        super("masked_" + kind.name().toLowerCase(java.util.Locale.ROOT));
        this.kind = kind;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray t = labels.get(0);
        NDArray mask = labels.get(1);
        NDArray d = predictions.singletonOrThrow().sub(t);
        NDArray e =
                switch (kind) {
                    case L1 -> d.abs();
                    case L2 -> d.square();
                    case L1_L2 -> d.abs().add(d.square());
                };
        NDArray count = mask.sum().maximum(1f);
        return e.mul(mask).sum().div(count);
    }
}
