package dev.surveyor.craters.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.craters.Crater;
import dev.surveyor.learn.LearnEngine;
import dev.surveyor.learn.ModelDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CraterEnsemble}: layout, fused detections, refusals. */
class CraterEnsembleTest {
    @TempDir static Path tmp;
    private static Path a;
    private static Path b;
    private static Path a2;
    private static ImageWindows image;

    @BeforeAll
    static void members() throws Exception {
        LearnEngine.start(1);
        // two architectures (output strides 2 and 4) and seeds
        a = TinyModels.train(tmp.resolve("a"), 2, 1);
        b = TinyModels.train(tmp.resolve("b"), 4, 2);
        // a's fine-tune: close to a, so most craters are seen by both, with other scores
        a2 = TinyModels.train(tmp.resolve("a2"), 2, 3, a);
        image = ImageWindows.of(SyntheticCraters.scene(96, 6, 8, 20, 7).image());
    }

    private static List<Crater> detect(CraterDetector d, double threshold) throws Exception {
        try (d) {
            return d.detect(image, threshold, ProgressListener.NONE);
        }
    }

    @Test
    void directoryHoldsTheMembersAndTheCard() throws Exception {
        Path out = tmp.resolve("layout");
        CraterEnsemble.write(List.of(a, b), out, "surveyor craters ensemble ...", 0.3);
        ObjectNode card = new ModelDir(out).readJson(CraterEnsemble.CARD_FILE);
        assertEquals(CraterEnsemble.FORMAT, card.path("format").asText());
        assertEquals("member-2", card.path("members").get(1).asText());
        assertEquals(b.toString(), card.path("sources").get(1).asText());
        assertEquals(0.3, card.path("threshold").asDouble(), 0);
        assertEquals("surveyor craters ensemble ...", card.path("command").asText());
        for (String f : List.of("model.json", "best.params")) {
            assertArrayEquals(
                    Files.readAllBytes(b.resolve(f)),
                    Files.readAllBytes(out.resolve("member-2").resolve(f)));
        }
        try (CraterDetector d = CraterDetector.load(out, 1)) {
            assertInstanceOf(CraterEnsemble.class, d);
            assertEquals(0.3, d.defaultThreshold(), 0);
            assertEquals(2, ((CraterEnsemble) d).members().size());
        }
        try (CraterDetector d = CraterDetector.load(a, 1)) {
            assertInstanceOf(CenterNetDetector.class, d, "a plain model directory");
        }
    }

    @Test
    void anEnsembleOfAModelWithItselfDetectsWhatTheModelDetects() throws Exception {
        // every crater fuses with its twin: same centre and diameter, score (p + p) / 2 = p
        Path out = tmp.resolve("twins");
        CraterEnsemble.write(List.of(a, a), out, "c", 0.2);
        for (double thr : new double[] {0.02, 0.1, 0.3}) {
            List<Crater> one = detect(CenterNetDetector.load(a, 1), thr);
            List<Crater> two = detect(CraterDetector.load(out, 1), thr);
            assertFalse(thr < 0.05 && one.isEmpty(), "the tiny model finds something at " + thr);
            assertEquals(one.size(), two.size(), "threshold " + thr);
            for (int i = 0; i < one.size(); i++) {
                Crater x = one.get(i), y = two.get(i);
                assertEquals(x.xPx(), y.xPx(), 1e-9);
                assertEquals(x.yPx(), y.yPx(), 1e-9);
                assertEquals(x.diameterPx(), y.diameterPx(), 1e-9);
                assertEquals(x.score(), y.score(), 1e-12);
            }
        }
    }

    @Test
    void twoArchitecturesAreFused() throws Exception {
        checkFusion(b, "fused-b");
    }

    @Test
    void craterSeenByTwoMembersGetsTheirMeanScore() throws Exception {
        assertTrue(checkFusion(a2, "fused-a2") > 0, "some craters are seen by both members");
    }

    /** Checks the ensemble of a and {@code other} against its members; returns the pairs. */
    private static int checkFusion(Path other, String name) throws Exception {
        Path out = tmp.resolve(name);
        CraterEnsemble.write(List.of(a, other), out, "c", 0.2);
        double thr = 0.1;
        List<Crater> fa = detect(CenterNetDetector.load(a, 1), 0.05);
        List<Crater> fb = detect(CenterNetDetector.load(other, 1), 0.05);
        List<Crater> fused = detect(CraterDetector.load(out, 1), thr);
        // independent check of each fused crater: the members' craters it was made of are those
        // overlapping it with box IoU >= 0.5 (at most one per member); its score is their sum / 2
        int paired = 0;
        for (Crater f : fused) {
            assertTrue(f.score() >= thr, "threshold applies to the fused score");
            List<Crater> parts = new ArrayList<>();
            for (List<Crater> run : List.of(fa, fb)) {
                Crater best = null;
                for (Crater c : run) {
                    if (c.boxIou(f) >= 0.5 && (best == null || c.boxIou(f) > best.boxIou(f))) {
                        best = c;
                    }
                }
                if (best != null) {
                    parts.add(best);
                }
            }
            assertFalse(parts.isEmpty());
            paired += parts.size() == 2 ? 1 : 0;
            double sw = 0, sx = 0;
            for (Crater p : parts) {
                sw += p.score();
                sx += p.score() * p.xPx();
            }
            if (parts.size() == 1) {
                assertEquals(parts.get(0).score() / 2, f.score(), 1e-9, "seen by one member");
                assertEquals(parts.get(0).xPx(), f.xPx(), 1e-9);
            } else {
                assertEquals(sw / 2, f.score(), 0.05, "mean of the two members' scores");
                assertEquals(sx / sw, f.xPx(), 1.0, "score-weighted centre");
            }
        }
        assertTrue(fused.size() > 0 && fused.size() <= fa.size() + fb.size());
        for (int i = 1; i < fused.size(); i++) {
            assertTrue(fused.get(i - 1).score() >= fused.get(i).score(), "descending score");
        }
        return paired;
    }

    @Test
    void badMembersAndBadCardsAreRefusedWithTheFileNamed() throws Exception {
        Path out = tmp.resolve("bad");
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> CraterEnsemble.write(List.of(a), out, "c", 0.3));
        assertTrue(e.getMessage().contains("at least two models"), e.getMessage());
        assertFalse(Files.exists(out));
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> CraterEnsemble.write(List.of(a, b), a, "c", 0.3));
        assertTrue(e.getMessage().startsWith(a + ": exists"), e.getMessage());

        Path ens = tmp.resolve("ens");
        CraterEnsemble.write(List.of(a, b), ens, "c", 0.3);
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> CraterEnsemble.write(List.of(a, ens), out, "c", 0.3));
        assertTrue(
                e.getMessage().startsWith(ens.resolve("ensemble.json") + ": a member may not"),
                e.getMessage());
        assertFalse(Files.exists(out), "nothing written");

        ObjectNode card = new ModelDir(ens).readJson(CraterEnsemble.CARD_FILE);
        card.put("threshold", 1.5);
        new ModelDir(ens).writeJson(CraterEnsemble.CARD_FILE, card);
        RasterFormatException r =
                assertThrows(RasterFormatException.class, () -> CraterEnsemble.load(ens, 1));
        assertTrue(
                r.getMessage().startsWith(ens.resolve("ensemble.json") + ": threshold 1.5"),
                r.getMessage());
        card.put("threshold", 0.3);
        card.putArray("members").add("member-1").add("../a");
        new ModelDir(ens).writeJson(CraterEnsemble.CARD_FILE, card);
        r = assertThrows(RasterFormatException.class, () -> CraterEnsemble.load(ens, 1));
        assertTrue(r.getMessage().contains("\"../a\" is not a sub-directory"), r.getMessage());
    }
}
