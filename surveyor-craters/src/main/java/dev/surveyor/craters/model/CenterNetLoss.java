package dev.surveyor.craters.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import dev.surveyor.craters.centernet.CenterNetLosses;

/**
 * The CenterNet loss on a batch of network outputs, the NDArray twin of {@link CenterNetLosses}
 * (the same formulas; the focal loss is normalised by the number of centres in the whole batch, as
 * CenterNet does).
 *
 * <p>Labels: heatmap (N,1,H,W), offset (N,2,H,W), size (N,2,H,W), mask (N,1,H,W).
 */
public final class CenterNetLoss {
    private CenterNetLoss() {}

    /** Total loss {@code L_k + 0.1 L_size + 1 L_off}. */
    public static NDArray total(NDList predictions, NDList labels) {
        NDArray out = predictions.get(0);
        NDArray logits = out.get(new NDIndex(":, 0:1"));
        NDArray off = out.get(new NDIndex(":, 1:3"));
        NDArray size = out.get(new NDIndex(":, 3:5"));
        NDArray hm = labels.get(0);
        NDArray offT = labels.get(1);
        NDArray sizeT = labels.get(2);
        NDArray mask = labels.get(3);
        return focal(logits, hm)
                .add(maskedL1(size, sizeT, mask).mul((float) CenterNetLosses.LAMBDA_SIZE))
                .add(maskedL1(off, offT, mask).mul((float) CenterNetLosses.LAMBDA_OFFSET));
    }

    /** Penalty-reduced focal loss from logits. */
    public static NDArray focal(NDArray logits, NDArray hm) {
        float eps = (float) CenterNetLosses.P_EPS;
        NDArray p = logits.getNDArrayInternal().sigmoid().clip(eps, 1f - eps);
        NDArray pos = hm.eq(1f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
        NDArray neg = pos.neg().add(1f);
        NDArray posLoss = p.log().mul(p.neg().add(1f).pow(2f)).mul(pos);
        NDArray negW = hm.neg().add(1f).pow(4f);
        NDArray negLoss = p.neg().add(1f).log().mul(p.pow(2f)).mul(negW).mul(neg);
        NDArray numPos = pos.sum().maximum(1f);
        return posLoss.sum().add(negLoss.sum()).neg().div(numPos);
    }

    /** Masked L1 over a 2-channel map, divided by the number of masked elements (+1e-4). */
    public static NDArray maskedL1(NDArray pred, NDArray target, NDArray mask) {
        NDArray diff = pred.sub(target).abs().mul(mask);
        return diff.sum().div(mask.sum().mul(2f).add(1e-4f));
    }
}
