package dev.surveyor.height.synth;

import java.util.SplittableRandom;

/**
 * Generates procedural image/height scenes.
 *
 * <p>Steps: (1) terrain: a smooth sum of random low-frequency sinusoids, soil/grass cover from a
 * second smooth field; (2) roads: straight asphalt bands near the grid directions; (3) buildings:
 * non-overlapping axis-aligned rectangles (sides in [min, max] metres) off the roads, with a whole
 * number of floors (heavy-tailed: most are low) and a flat or gabled roof of a random material; (4)
 * trees: round crowns of 4–15 m on free ground; (5) shading: gabled roof halves and terrain slopes
 * are lit by the cosine of the incidence angle; (6) cast shadows: a pixel is in shadow when the
 * surface towards the sun rises above the sun ray (ray marching at 1-pixel steps); shadowed pixels
 * keep 40 % (diffuse light); (7) a [1 2 1]/4 separable blur (sensor point-spread function) and
 * Gaussian sensor noise, clamped to [1, 65535].
 *
 * <p>Conventions: x = column, y = row, row 0 at the top (north); sun azimuth clockwise from north.
 * Heights in metres above the local terrain; the terrain itself is not in the target (as in the
 * ZY-3 building-height labels). Radiometry: 4 bands blue, green, red, NIR in ZY-3-like digital
 * numbers. Deterministic for a given config (seed). Thread-safe (no state).
 */
public final class SyntheticSceneGenerator {
    // material signatures (B, G, R, NIR) in digital numbers
    private static final float[] GRASS = {760, 860, 720, 2900};
    private static final float[] SOIL = {1020, 1100, 1300, 2000};
    private static final float[] ASPHALT = {900, 910, 950, 1100};
    private static final float[] TREE = {640, 760, 600, 3300};
    private static final float[][] ROOFS = {
        {1350, 1380, 1420, 1650}, // concrete
        {820, 820, 840, 1000}, // dark
        {820, 820, 1420, 1700}, // red tiles
        {1350, 1050, 820, 1250}, // blue steel
        {1600, 1650, 1700, 1900} // bright
    };
    private static final float SHADOW = 0.4f;

    private final ConfigSyntheticScene cfg;

    SyntheticSceneGenerator(ConfigSyntheticScene cfg) {
        this.cfg = cfg;
    }

    /** A generator for a validated copy of {@code config} (null = defaults). */
    public static SyntheticSceneGenerator create(ConfigSyntheticScene config) {
        ConfigSyntheticScene c = config != null ? config.copy() : new ConfigSyntheticScene();
        c.validate();
        return new SyntheticSceneGenerator(c);
    }

    /** Generates the scene of the config's seed. */
    public SyntheticScene generate() {
        int w = cfg.widthPx;
        int h = cfg.heightPx;
        int n = w * h;
        SplittableRandom rnd = new SplittableRandom(cfg.seed);
        float[] terrain = smoothField(rnd, w, h, cfg.terrainReliefM, 300.0 / cfg.gsdM);
        float[] cover = smoothField(rnd, w, h, 1.0, 120.0 / cfg.gsdM);
        float[][] refl = new float[4][n];
        for (int i = 0; i < n; i++) {
            float t = Math.min(1f, Math.max(0f, cover[i] + 0.5f));
            for (int b = 0; b < 4; b++) {
                refl[b][i] = GRASS[b] * t + SOIL[b] * (1 - t);
            }
        }
        boolean[] occupied = new boolean[n];
        // roads
        for (int r = 0; r < cfg.roads; r++) {
            boolean vertical = rnd.nextBoolean();
            double angle = Math.toRadians((vertical ? 90 : 0) + rnd.nextDouble(-8, 8));
            double cx = rnd.nextDouble(w);
            double cy = rnd.nextDouble(h);
            double halfWidth = rnd.nextDouble(1.5, 3.0);
            double nx = -Math.sin(angle);
            double ny = Math.cos(angle);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double d = Math.abs((x - cx) * nx + (y - cy) * ny);
                    if (d <= halfWidth) {
                        int i = y * w + x;
                        occupied[i] = true;
                        for (int b = 0; b < 4; b++) {
                            refl[b][i] = ASPHALT[b];
                        }
                    }
                }
            }
        }
        float[] above = new float[n];
        float[] target = new float[n];
        float[] shade = new float[n];
        java.util.Arrays.fill(shade, 1f);
        // buildings
        double sunAz = Math.toRadians(cfg.sunAzimuthDeg);
        double sunEl = Math.toRadians(cfg.sunElevationDeg);
        double sx = Math.sin(sunAz) * Math.cos(sunEl); // towards the sun, +x = east
        double sy = -Math.cos(sunAz) * Math.cos(sunEl); // +y = south (down)
        double sz = Math.sin(sunEl);
        long wantCover = Math.round(cfg.buildingCoverFraction * n);
        long covered = 0;
        int buildings = 0;
        int minSide = Math.max(2, (int) Math.round(cfg.minBuildingSideM / cfg.gsdM));
        int maxSide = Math.max(minSide, (int) Math.round(cfg.maxBuildingSideM / cfg.gsdM));
        for (int attempt = 0; attempt < 20_000 && covered < wantCover; attempt++) {
            int bw = rnd.nextInt(minSide, maxSide + 1);
            int bh = rnd.nextInt(minSide, maxSide + 1);
            int x0 = rnd.nextInt(-bw / 2, w - bw / 2);
            int y0 = rnd.nextInt(-bh / 2, h - bh / 2);
            if (!free(occupied, w, h, x0 - 1, y0 - 1, bw + 2, bh + 2)) {
                continue;
            }
            int floors = 1 + (int) Math.floor(cfg.maxFloors * Math.pow(rnd.nextDouble(), 2.5));
            floors = Math.min(floors, cfg.maxFloors);
            float heightM = (float) (floors * cfg.floorHeightM);
            float[] roof = ROOFS[rnd.nextInt(ROOFS.length)];
            float tone = (float) rnd.nextDouble(0.85, 1.15);
            boolean gabled = floors <= 3 && rnd.nextDouble() < 0.5;
            boolean ridgeAlongX = bw >= bh;
            for (int y = Math.max(0, y0); y < Math.min(h, y0 + bh); y++) {
                for (int x = Math.max(0, x0); x < Math.min(w, x0 + bw); x++) {
                    int i = y * w + x;
                    occupied[i] = true;
                    above[i] = heightM;
                    target[i] = heightM;
                    float s = 1f;
                    if (gabled) {
                        // roof halves tilted 30 degrees towards +/- the short axis
                        double nxr = 0;
                        double nyr = 0;
                        if (ridgeAlongX) {
                            nyr = (y - y0 < bh / 2.0 ? -1 : 1) * 0.5;
                        } else {
                            nxr = (x - x0 < bw / 2.0 ? -1 : 1) * 0.5;
                        }
                        double nz = Math.sqrt(1 - nxr * nxr - nyr * nyr);
                        double inc = nxr * sx + nyr * sy + nz * sz;
                        s = (float) Math.max(0.3, inc / sz);
                    }
                    shade[i] = s;
                    for (int b = 0; b < 4; b++) {
                        refl[b][i] = roof[b] * tone;
                    }
                }
            }
            covered += (long) bw * bh;
            buildings++;
        }
        // trees
        long wantTrees = Math.round(cfg.treeCoverFraction * n);
        long treeCover = 0;
        for (int attempt = 0; attempt < 200_000 && treeCover < wantTrees; attempt++) {
            int r = rnd.nextInt(1, 4);
            int cx = rnd.nextInt(w);
            int cy = rnd.nextInt(h);
            if (occupied[cy * w + cx]) {
                continue;
            }
            float th = (float) rnd.nextDouble(4, 15);
            for (int y = Math.max(0, cy - r); y <= Math.min(h - 1, cy + r); y++) {
                for (int x = Math.max(0, cx - r); x <= Math.min(w - 1, cx + r); x++) {
                    double d2 = (double) (x - cx) * (x - cx) + (double) (y - cy) * (y - cy);
                    int i = y * w + x;
                    if (d2 > (r + 0.5) * (r + 0.5) || occupied[i]) {
                        continue;
                    }
                    float crown =
                            (float) (th * Math.sqrt(Math.max(0, 1 - d2 / ((r + 1.0) * (r + 1.0)))));
                    if (crown > above[i]) {
                        above[i] = crown;
                        if (cfg.treesInTarget) {
                            target[i] = crown;
                        }
                        for (int b = 0; b < 4; b++) {
                            refl[b][i] = TREE[b] * (float) (0.8 + 0.4 * crown / th);
                        }
                        treeCover++;
                    }
                }
            }
        }
        float[] surface = new float[n];
        for (int i = 0; i < n; i++) {
            surface[i] = terrain[i] + above[i];
        }
        // terrain slope shading (buildings keep their roof shading)
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (above[i] > 0) {
                    continue;
                }
                double gx =
                        (terrain[y * w + Math.min(w - 1, x + 1)]
                                        - terrain[y * w + Math.max(0, x - 1)])
                                / (2 * cfg.gsdM);
                double gy =
                        (terrain[Math.min(h - 1, y + 1) * w + x]
                                        - terrain[Math.max(0, y - 1) * w + x])
                                / (2 * cfg.gsdM);
                double norm = Math.sqrt(gx * gx + gy * gy + 1);
                double inc = (-gx * sx - gy * sy + sz) / norm;
                shade[i] = (float) Math.max(0.3, inc / sz);
            }
        }
        // cast shadows by ray marching towards the sun
        double rise = Math.tan(sunEl) * cfg.gsdM; // metres the ray climbs per pixel step
        double dx = Math.sin(sunAz);
        double dy = -Math.cos(sunAz);
        double maxAbove = 0;
        for (float v : above) {
            maxAbove = Math.max(maxAbove, v);
        }
        int maxSteps = (int) Math.ceil((maxAbove + cfg.terrainReliefM) / rise) + 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double z = surface[i];
                for (int k = 1; k <= maxSteps; k++) {
                    int xx = (int) Math.round(x + k * dx);
                    int yy = (int) Math.round(y + k * dy);
                    if (xx < 0 || yy < 0 || xx >= w || yy >= h) {
                        break;
                    }
                    if (surface[yy * w + xx] > z + k * rise + 0.5) {
                        shade[i] *= SHADOW;
                        break;
                    }
                }
            }
        }
        float[][] image = new float[4][n];
        for (int b = 0; b < 4; b++) {
            float[] lit = new float[n];
            for (int i = 0; i < n; i++) {
                lit[i] = refl[b][i] * shade[i];
            }
            lit = blur121(lit, w, h);
            for (int i = 0; i < n; i++) {
                double v = lit[i] + cfg.noiseSigmaDn * rnd.nextGaussian();
                image[b][i] = (float) Math.round(Math.min(65535, Math.max(1, v)));
            }
        }
        return new SyntheticScene(image, target, surface, buildings, w, h);
    }

    /** Separable [1 2 1]/4 blur (sensor point-spread function), edges clamped. */
    private static float[] blur121(float[] v, int w, int h) {
        float[] t = new float[v.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                t[i] =
                        0.25f * v[y * w + Math.max(0, x - 1)]
                                + 0.5f * v[i]
                                + 0.25f * v[y * w + Math.min(w - 1, x + 1)];
            }
        }
        float[] o = new float[v.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                o[i] =
                        0.25f * t[Math.max(0, y - 1) * w + x]
                                + 0.5f * t[i]
                                + 0.25f * t[Math.min(h - 1, y + 1) * w + x];
            }
        }
        return o;
    }

    private static boolean free(boolean[] occ, int w, int h, int x0, int y0, int bw, int bh) {
        for (int y = Math.max(0, y0); y < Math.min(h, y0 + bh); y++) {
            for (int x = Math.max(0, x0); x < Math.min(w, x0 + bw); x++) {
                if (occ[y * w + x]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Zero-mean sum of 6 random sinusoids with wavelengths around {@code scalePx}, peak-to-peak
     * ~amp.
     */
    private static float[] smoothField(
            SplittableRandom rnd, int w, int h, double amp, double scalePx) {
        int k = 6;
        double[] fx = new double[k];
        double[] fy = new double[k];
        double[] ph = new double[k];
        for (int j = 0; j < k; j++) {
            double theta = rnd.nextDouble(2 * Math.PI);
            double lambda = scalePx * rnd.nextDouble(0.5, 2.0);
            fx[j] = 2 * Math.PI * Math.cos(theta) / lambda;
            fy[j] = 2 * Math.PI * Math.sin(theta) / lambda;
            ph[j] = rnd.nextDouble(2 * Math.PI);
        }
        float[] f = new float[w * h];
        double a = amp / (2 * Math.sqrt(k / 2.0) * 1.5);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += Math.sin(fx[j] * x + fy[j] * y + ph[j]);
                }
                f[y * w + x] = (float) (a * s);
            }
        }
        return f;
    }
}
