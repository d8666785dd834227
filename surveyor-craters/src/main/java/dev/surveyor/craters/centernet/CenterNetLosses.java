package dev.surveyor.craters.centernet;

import dev.surveyor.core.util.Checks;

/**
 * CenterNet losses on plain arrays: the reference the network-side (DJL) implementation is tested
 * against, and usable on their own.
 *
 * <p>{@code L = L_k + lambdaSize L_size + lambdaOff L_off}, with the penalty-reduced focal loss
 * {@code L_k = -1/N sum[(1-p)^alpha log p if Y = 1, else (1-Y)^beta p^alpha log(1-p)]} (N = number
 * of cells with Y = 1; when N = 0 the sum is not divided) and masked L1 losses summed over the
 * centre cells and both channels, divided by the number of masked elements (2 per centre, +1e-4),
 * as CenterNet's {@code RegL1Loss}. Probabilities are clamped to {@code [1e-4, 1 - 1e-4]} as
 * CenterNet's {@code _sigmoid}.
 */
public final class CenterNetLosses {
    /** Focal loss exponent alpha. */
    public static final double ALPHA = 2;

    /** Focal loss negative weighting exponent beta. */
    public static final double BETA = 4;

    /** Weight of the size loss. */
    public static final double LAMBDA_SIZE = 0.1;

    /** Weight of the offset loss. */
    public static final double LAMBDA_OFFSET = 1;

    /** Probability clamp. */
    public static final double P_EPS = 1e-4;

    private CenterNetLosses() {}

    /**
     * Penalty-reduced focal loss.
     *
     * @param prob (Input) predicted probabilities (after sigmoid). Not modified.
     * @param target (Input) Gaussian target heatmap, 1 at centres. Not modified.
     */
    public static double focal(float[] prob, float[] target) {
        Checks.sameSize("prob", prob.length, "target", target.length);
        double pos = 0;
        double neg = 0;
        int numPos = 0;
        for (int i = 0; i < prob.length; i++) {
            double p = Math.min(Math.max(prob[i], P_EPS), 1 - P_EPS);
            if (target[i] == 1f) {
                pos += Math.pow(1 - p, ALPHA) * Math.log(p);
                numPos++;
            } else {
                neg += Math.pow(1 - target[i], BETA) * Math.pow(p, ALPHA) * Math.log(1 - p);
            }
        }
        return numPos == 0 ? -neg : -(pos + neg) / numPos;
    }

    /**
     * Masked L1 loss over a two-channel map.
     *
     * @param pred (Input) predictions, {@code 2*n}, channel-major. Not modified.
     * @param target (Input) targets, {@code 2*n}. Not modified.
     * @param mask (Input) {@code n}, 1 at centre cells. Not modified.
     */
    public static double maskedL1(float[] pred, float[] target, float[] mask) {
        Checks.sameSize("pred", pred.length, "target", target.length);
        Checks.sameSize("pred", pred.length, "2 * mask", 2 * mask.length);
        int n = mask.length;
        double sum = 0;
        double num = 0;
        for (int k = 0; k < n; k++) {
            if (mask[k] != 0) {
                sum +=
                        mask[k]
                                * (Math.abs(pred[k] - target[k])
                                        + Math.abs(pred[n + k] - target[n + k]));
                num += mask[k];
            }
        }
        return sum / (2 * num + 1e-4);
    }

    /** The total CenterNet loss of one image. */
    public static double total(
            float[] prob, float[] offset, float[] size, CenterNetTargets.Maps t) {
        return focal(prob, t.heatmap())
                + LAMBDA_SIZE * maskedL1(size, t.size(), t.mask())
                + LAMBDA_OFFSET * maskedL1(offset, t.offset(), t.mask());
    }
}
