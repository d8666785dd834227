package dev.surveyor.craters.model;

import dev.surveyor.craters.Crater;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic crater scenes: flat noisy ground, bowls shaded from the left with a bright rim. */
final class SyntheticCraters {
    private SyntheticCraters() {}

    static LabelledImage scene(int size, int count, double minD, double maxD, long seed) {
        Random rnd = new Random(seed);
        float[] im = new float[size * size];
        for (int i = 0; i < im.length; i++) {
            im[i] = (float) (120 + 4 * rnd.nextGaussian());
        }
        List<Crater> craters = new ArrayList<>();
        int tries = 0;
        while (craters.size() < count && tries++ < 10000) {
            double d = minD + rnd.nextDouble() * (maxD - minD);
            double cx = d / 2 + 2 + rnd.nextDouble() * (size - d - 4);
            double cy = d / 2 + 2 + rnd.nextDouble() * (size - d - 4);
            Crater c = Crater.truth(cx, cy, d);
            boolean free = true;
            for (Crater o : craters) {
                if (Math.hypot(o.xPx() - cx, o.yPx() - cy) < (o.diameterPx() + d) / 2 + 2) {
                    free = false;
                }
            }
            if (free) {
                craters.add(c);
                draw(im, size, c);
            }
        }
        return new LabelledImage("synthetic-" + seed, new GrayImage(im, size, size), craters);
    }

    static void draw(float[] im, int size, Crater c) {
        double r = c.diameterPx() / 2;
        for (int y = (int) (c.yPx() - r - 2); y <= c.yPx() + r + 2; y++) {
            for (int x = (int) (c.xPx() - r - 2); x <= c.xPx() + r + 2; x++) {
                if (x < 0 || y < 0 || x >= size || y >= size) {
                    continue;
                }
                double dx = x + 0.5 - c.xPx(), dy = y + 0.5 - c.yPx();
                double q = Math.hypot(dx, dy) / r;
                double v = 0;
                if (q < 1) {
                    v = -60 * (1 - q * q) * (0.5 - 0.5 * dx / r); // shadowed on the left
                    v += 40 * Math.max(0, dx / r) * q;
                }
                v += 50 * Math.exp(-Math.pow((q - 1) * r / 1.0, 2)); // rim
                im[y * size + x] += (float) v;
            }
        }
    }
}
