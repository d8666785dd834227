package dev.surveyor.craters.eval;

import dev.surveyor.core.util.Checks;
import dev.surveyor.craters.Crater;
import java.util.Locale;

/**
 * When a detection matches a truth crater, and how good the match is (used by {@link CraterMatcher}
 * to pick the best of several candidates).
 *
 * <p>All quantities are in image pixels; radii are half the diameters. Every criterion here implies
 * a centre distance below {@code (d_det + d_truth) / 2}, which the matcher's spatial search relies
 * on.
 *
 * <ul>
 *   <li>{@link #boxIou(double)} (the default): IoU of the circumscribed squares at least {@code
 *       minIou}; quality = IoU.
 *   <li>{@link #deepMoon()}: DeepMoon's {@code template_match_t2c} (Silburt et al. 2019, {@code
 *       utils/template_match_target.py}): {@code ((x1-x2)^2 + (y1-y2)^2) / min(r1,r2)^2 <
 *       longlat_thresh2} and {@code |r1-r2| / min(r1,r2) < rad_thresh}, with the tuned values 1.8
 *       and 1.0; among several candidates DeepMoon keeps the one of smallest {@code dx^2 + dy^2 +
 *       dr^2}, so quality = minus that sum.
 *   <li>{@link #pycda()}: PyCDA's {@code ErrorAnalyzer} (Klear 2018, {@code pycda/error_stats.py}):
 *       the Euclidean distance in (x, y, diameter) space divided by the truth diameter at most 0.4;
 *       quality = minus that ratio.
 * </ul>
 *
 * <p>Deviation from both reference tools: they match in their own order (DeepMoon in detection
 * order, PyCDA by ascending distance); here every criterion is used inside the same one-to-one
 * greedy matching in descending score order, which makes one matching give the whole PR curve.
 */
public interface MatchCriterion {
    /**
     * Match quality of {@code detection} against {@code truth}: larger is better; {@code NaN} when
     * they do not match.
     */
    double quality(Crater detection, Crater truth);

    /** A short name for reports, e.g. {@code iou>=0.5}, {@code deepmoon}, {@code pycda}. */
    String label();

    /** Box IoU (circumscribed squares) of at least {@code minIou}, in (0, 1]. */
    static MatchCriterion boxIou(double minIou) {
        return new BoxIou(minIou);
    }

    /** DeepMoon's criterion with its tuned thresholds (longlat_thresh2 = 1.8, rad_thresh = 1.0). */
    static MatchCriterion deepMoon() {
        return new DeepMoon(1.8, 1.0);
    }

    /** PyCDA's criterion with its threshold (distance / truth diameter at most 0.4). */
    static MatchCriterion pycda() {
        return new PyCda(0.4);
    }

    /**
     * A criterion by name: {@code iou} (with {@code minIou}), {@code deepmoon} or {@code pycda}.
     */
    static MatchCriterion byName(String name, double minIou) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "iou", "box-iou" -> boxIou(minIou);
            case "deepmoon" -> deepMoon();
            case "pycda" -> pycda();
            default ->
                    throw new IllegalArgumentException(
                            "match criterion must be iou, deepmoon or pycda, got " + name);
        };
    }

    /**
     * Box IoU criterion.
     *
     * @param minIou IoU needed for a match, in (0, 1]
     */
    record BoxIou(double minIou) implements MatchCriterion {
        /** Validates. */
        public BoxIou {
            Checks.inRange("minIou", minIou, 1e-9, 1.0);
        }

        @Override
        public double quality(Crater detection, Crater truth) {
            double iou = detection.boxIou(truth);
            return iou >= minIou ? iou : Double.NaN;
        }

        @Override
        public String label() {
            return String.format(Locale.ROOT, "iou>=%.2f", minIou);
        }
    }

    /**
     * DeepMoon's criterion.
     *
     * @param longlatThresh2 limit of the squared centre distance over the squared smaller radius,
     *     in (0, 4]
     * @param radThresh limit of the radius difference over the smaller radius
     */
    record DeepMoon(double longlatThresh2, double radThresh) implements MatchCriterion {
        /** Validates. */
        public DeepMoon {
            Checks.inRange("longlatThresh2", longlatThresh2, 1e-9, 4.0);
            Checks.inRange("radThresh", radThresh, 1e-9, 100.0);
        }

        @Override
        public double quality(Crater detection, Crater truth) {
            double r1 = detection.diameterPx() / 2, r2 = truth.diameterPx() / 2;
            double minR = Math.min(r1, r2);
            double dx = detection.xPx() - truth.xPx(), dy = detection.yPx() - truth.yPx();
            double d2 = dx * dx + dy * dy;
            double dr = Math.abs(r1 - r2);
            if (d2 / (minR * minR) < longlatThresh2 && dr / minR < radThresh) {
                return -(d2 + dr * dr);
            }
            return Double.NaN;
        }

        @Override
        public String label() {
            return "deepmoon";
        }
    }

    /**
     * PyCDA's criterion.
     *
     * @param maxRelativeDistance limit of the (x, y, diameter) distance over the truth diameter, in
     *     (0, 0.8] (up to 0.8 a match implies centres closer than the mean diameter)
     */
    record PyCda(double maxRelativeDistance) implements MatchCriterion {
        /** Validates. */
        public PyCda {
            Checks.inRange("maxRelativeDistance", maxRelativeDistance, 1e-9, 0.8);
        }

        @Override
        public double quality(Crater detection, Crater truth) {
            double dx = detection.xPx() - truth.xPx(), dy = detection.yPx() - truth.yPx();
            double dd = detection.diameterPx() - truth.diameterPx();
            double rel = Math.sqrt(dx * dx + dy * dy + dd * dd) / truth.diameterPx();
            return rel <= maxRelativeDistance ? -rel : Double.NaN;
        }

        @Override
        public String label() {
            return "pycda";
        }
    }
}
