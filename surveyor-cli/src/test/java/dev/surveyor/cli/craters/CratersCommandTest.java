package dev.surveyor.cli.craters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CratersCommandTest {
    @TempDir Path tmp;

    @Test
    void evaluateWritesMetricsOfAHandMadeCase() throws Exception {
        Path truth = tmp.resolve("t.txt");
        // two 10 px craters at (15, 15) and (45, 15)
        Files.writeString(truth, "ID,X,Y,W,H,C_X,CY\n0,10,10,10,10,15,15\n1,40,10,10,10,45,15\n");
        Path det = tmp.resolve("d.csv");
        Files.writeString(det, "x_px,y_px,diameter_px,score\n15,15,10,0.9\n100,100,10,0.8\n");
        Path out = tmp.resolve("ev");
        CommandLine cl = new CommandLine(new CratersCommand());
        cl.setOut(new PrintWriter(new StringWriter()));
        int code =
                cl.execute(
                        "evaluate",
                        "--truth",
                        truth.toString(),
                        "--detections",
                        det.toString(),
                        "--out",
                        out.toString(),
                        "--threshold",
                        "0.5");
        assertEquals(0, code);
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(0.5, m.path("atThreshold").path("precision").asDouble(), 1e-12);
        assertEquals(0.5, m.path("atThreshold").path("recall").asDouble(), 1e-12);
        assertEquals(0.5, m.path("atThreshold").path("f1").asDouble(), 1e-12);
        assertTrue(
                Files.readString(out.resolve("curve.csv"))
                        .startsWith("threshold,precision,recall,f1"));
    }

    @Test
    void badTruthFileIsReportedAsAnError() throws Exception {
        Path truth = tmp.resolve("t.txt");
        Files.writeString(truth, "ID,X,Y,W,H\n0,1,2,zz,3\n");
        Path det = tmp.resolve("d.csv");
        Files.writeString(det, "x_px,y_px,diameter_px,score\n");
        StringWriter err = new StringWriter();
        CommandLine cl = cli(err);
        int code =
                cl.execute(
                        "evaluate",
                        "--truth",
                        truth.toString(),
                        "--detections",
                        det.toString(),
                        "--out",
                        tmp.resolve("o").toString());
        assertEquals(2, code);
        assertTrue(
                err.toString().contains("t.txt") && err.toString().contains("zz"), err.toString());
    }

    @Test
    void evaluateWithTheDeepMoonCriterionAndPlots() throws Exception {
        Path truth = tmp.resolve("t.csv");
        // three 20 px craters; detections: exact, 13 px off (DeepMoon: 169 / 100 < 1.8, box IoU
        // 0.21), one false positive
        Files.writeString(truth, "x,y,diameter\n50,50,20\n150,50,20\n250,50,20\n");
        Path det = tmp.resolve("d.csv");
        Files.writeString(
                det, "x_px,y_px,diameter_px,score\n50,50,20,0.9\n163,50,20,0.8\n400,400,20,0.6\n");
        for (String crit : new String[] {"iou", "deepmoon", "pycda"}) {
            Path out = tmp.resolve("ev-" + crit);
            CommandLine cl = new CommandLine(new CratersCommand());
            cl.setOut(new PrintWriter(new StringWriter()));
            int code =
                    cl.execute(
                            "evaluate",
                            "--truth",
                            truth.toString(),
                            "--detections",
                            det.toString(),
                            "--out",
                            out.toString(),
                            "--criterion",
                            crit,
                            "--threshold",
                            "0.5");
            assertEquals(0, code, crit);
            JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
            int tp = crit.equals("deepmoon") ? 2 : 1;
            assertEquals(tp, m.path("atThreshold").path("truePositives").asInt(), crit);
            assertEquals(tp / 3.0, m.path("atThreshold").path("precision").asDouble(), 1e-12);
            for (String png : EvaluationPlots.FILES) {
                java.awt.image.BufferedImage im =
                        javax.imageio.ImageIO.read(out.resolve(png).toFile());
                assertTrue(im != null && im.getWidth() > 100 && im.getHeight() > 100, png);
            }
        }
    }

    @Test
    void boxPlotQuantilesAreNumpys() {
        double[] v = {0.1, 0.2, 0.4, 0.8};
        // numpy.quantile([.1, .2, .4, .8], [.25, .5, .75]) = [0.175, 0.3, 0.5]
        assertEquals(0.175, EvaluationPlots.quantile(v, 0.25), 1e-12);
        assertEquals(0.3, EvaluationPlots.quantile(v, 0.5), 1e-12);
        assertEquals(0.5, EvaluationPlots.quantile(v, 0.75), 1e-12);
    }

    @Test
    void detectWithFlipTestAndCoarsePass() throws Exception {
        Path model = Path.of("..", "models", "craters-lro-nac");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isRegularFile(model.resolve("model.json")), "no shipped model");
        java.awt.image.BufferedImage im =
                new java.awt.image.BufferedImage(
                        256, 256, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.util.Random r = new java.util.Random(1);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                double d = Math.hypot(x - 128, y - 128);
                int v = (int) (100 + 10 * r.nextGaussian() + (d < 40 ? -(x - 128) * 0.8 : 0));
                im.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, v)));
            }
        }
        Path png = tmp.resolve("img.png");
        javax.imageio.ImageIO.write(im, "png", png.toFile());
        Path out = tmp.resolve("det.csv");
        StringWriter err = new StringWriter();
        CommandLine cl = cli(err);
        int code =
                cl.execute(
                        detectArgs(
                                model,
                                png,
                                out,
                                "--threads",
                                "1",
                                "--threshold",
                                "0.05",
                                "--flip-test",
                                "--coarse",
                                "2"));
        assertEquals(0, code, err.toString());
        assertTrue(Files.readString(out).startsWith("x_px,y_px,diameter_px,score"));
        code = cl.execute(detectArgs(model, png, out, "--coarse", "0"));
        assertEquals(2, code);
        assertTrue(err.toString().contains("--coarse"), err.toString());
        // D4 test-time augmentation, and a clear error for an unknown one or for both options
        Path outD4 = tmp.resolve("det-d4.csv");
        code =
                cl.execute(
                        detectArgs(
                                model,
                                png,
                                outD4,
                                "--threads",
                                "1",
                                "--threshold",
                                "0.05",
                                "--tta",
                                "d4"));
        assertEquals(0, code, err.toString());
        assertTrue(Files.readString(outD4).startsWith("x_px,y_px,diameter_px,score"));
        code = cl.execute(detectArgs(model, png, outD4, "--tta", "d8"));
        assertEquals(2, code);
        assertTrue(err.toString().contains("'d8'"), err.toString());
        code = cl.execute(detectArgs(model, png, outD4, "--tta", "d4", "--flip-test"));
        assertEquals(2, code);
        assertTrue(err.toString().contains("not both"), err.toString());
        // the model's test scales (0.75, 1, 1.5, 2) against one scale; a bad scale list is refused
        // before anything is written
        Path outOne = tmp.resolve("det-one-scale.csv");
        code =
                cl.execute(
                        detectArgs(
                                model,
                                png,
                                outOne,
                                "--threads",
                                "1",
                                "--threshold",
                                "0.05",
                                "--tta",
                                "d4",
                                "--scales",
                                "1"));
        assertEquals(0, code, err.toString());
        assertTrue(!Files.readString(outOne).equals(Files.readString(outD4)), "scales matter");
        String before = Files.readString(outOne);
        code = cl.execute(detectArgs(model, png, outOne, "--scales", "0.75,9"));
        assertEquals(2, code);
        assertTrue(err.toString().contains("got 9.0"), err.toString());
        assertEquals(before, Files.readString(outOne));
    }

    @Test
    void anEnsembleOfTheShippedModelsDetectsAndRefusesCalibrationAndABadThreshold()
            throws Exception {
        Path moon = Path.of("..", "models", "craters-lro-nac");
        Path mars = Path.of("..", "models", "craters-mars-hrsc");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isRegularFile(moon.resolve("model.json")), "no shipped model");
        Path image = Path.of("..", "samples", "hrsc-nanedi-512.tif");
        StringWriter err = new StringWriter();
        CommandLine cl = cli(err);
        Path ens = tmp.resolve("ens");
        String[] args = {
            "ensemble",
            "--model",
            moon.toString(),
            "--model",
            mars.toString(),
            "--out",
            ens.toString(),
            "--threshold",
            "0.3"
        };
        assertEquals(0, cl.execute(args), err.toString());
        JsonNode card = new ObjectMapper().readTree(ens.resolve("ensemble.json").toFile());
        assertEquals(0.3, card.path("threshold").asDouble(), 0);
        Path out = tmp.resolve("det-ens.csv");
        String[] fast = {"--threads", "1", "--tta", "none", "--scales", "1"};
        assertEquals(0, cl.execute(detectArgs(ens, image, out, fast)), err.toString());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(0).startsWith("x_px,y_px,diameter_px,score"), lines.get(0));
        assertTrue(lines.size() > 10, "craters found: " + lines.size());
        for (String l : lines.subList(1, lines.size())) {
            assertTrue(Double.parseDouble(l.split(",")[3]) >= 0.3, l);
        }
        // refusals: an existing output, a bad threshold, calibration of an ensemble
        assertEquals(2, cl.execute(args));
        assertTrue(err.toString().contains(ens + ": exists"), err.toString());
        args[args.length - 1] = "1.5";
        args[6] = tmp.resolve("ens2").toString();
        assertEquals(2, cl.execute(args));
        assertTrue(err.toString().contains("--threshold 1.5 not in (0, 1)"), err.toString());
        assertTrue(Files.notExists(tmp.resolve("ens2")));
        String[] calibrate = {
            "calibrate",
            "--model",
            ens.toString(),
            "--image",
            image.toString(),
            "--truth",
            image.toString(),
            "--out",
            tmp.resolve("cal").toString()
        };
        assertEquals(2, cl.execute(calibrate));
        assertTrue(err.toString().contains(ens + ": an ensemble"), err.toString());
    }

    @Test
    void trainRecordsTheFinalLearningRateRefusesABadOneAndTwoSeedsMakeASoup() throws Exception {
        // a tiny labelled image: dark discs on a noisy grey background, x,y,diameter CSV beside it
        Path data = Files.createDirectories(tmp.resolve("data"));
        java.awt.image.BufferedImage im =
                new java.awt.image.BufferedImage(
                        128, 128, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.util.Random r = new java.util.Random(3);
        double[][] craters = {{30, 40, 12}, {90, 30, 16}, {60, 95, 10}};
        StringBuilder csv = new StringBuilder("x_px,y_px,diameter_px\n");
        for (double[] c : craters) {
            csv.append(c[0]).append(',').append(c[1]).append(',').append(c[2]).append('\n');
        }
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                double v = 120 + 8 * r.nextGaussian();
                for (double[] c : craters) {
                    if (Math.hypot(x + 0.5 - c[0], y + 0.5 - c[1]) < c[2] / 2) v -= 50;
                }
                im.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, (int) v)));
            }
        }
        javax.imageio.ImageIO.write(im, "png", data.resolve("tiny.png").toFile());
        Files.writeString(data.resolve("tiny.csv"), csv);
        StringWriter err = new StringWriter();
        CommandLine cl = cli(err);
        java.util.function.Function<String[], String[]> train =
                more -> {
                    List<String> a =
                            new ArrayList<>(
                                    List.of(
                                            "train",
                                            "--data",
                                            data.toString(),
                                            "--backbone",
                                            "small",
                                            "--epochs",
                                            "2",
                                            "--batch",
                                            "2",
                                            "--batches-per-epoch",
                                            "1",
                                            "--window",
                                            "64",
                                            "--lr",
                                            "1e-3"));
                    a.addAll(List.of(more));
                    return a.toArray(String[]::new);
                };
        Path out = tmp.resolve("model");
        assertEquals(
                0,
                cl.execute(
                        train.apply(new String[] {"--out", out.toString(), "--lr-final", "0.2"})),
                err.toString());
        ObjectMapper json = new ObjectMapper();
        JsonNode card = json.readTree(out.resolve("model.json").toFile());
        assertTrue(
                card.at("/training/command").asText().contains("--lr-final 0.2"), card.toString());
        assertEquals(0.2, card.at("/training/training/finalLearningRateFraction").asDouble());
        // the cosine reaches lr x 0.2 at the last of the two epochs
        JsonNode history = json.readTree(out.resolve("train-state.json").toFile()).get("history");
        assertEquals(1e-3, history.get(0).get("learningRate").asDouble(), 1e-12);
        assertEquals(2e-4, history.get(1).get("learningRate").asDouble(), 1e-12);
        Path bad = tmp.resolve("bad");
        assertEquals(
                2,
                cl.execute(
                        train.apply(new String[] {"--out", bad.toString(), "--lr-final", "1.5"})));
        assertTrue(
                err.toString().contains("finalLearningRateFraction must be in [0, 1], got 1.5"),
                err.toString());
        assertTrue(Files.notExists(bad), "nothing written for a refused run");

        // the run again with another seed, and the soup of the two with its own threshold
        Path other = tmp.resolve("model7");
        assertEquals(
                0,
                cl.execute(train.apply(new String[] {"--out", other.toString(), "--seed", "7"})),
                err.toString());
        Path soup = tmp.resolve("soup");
        String[] soupArgs = {
            "soup", "--model", out.toString(), "--model", other.toString(), "--out", soup.toString()
        };
        List<String> withThreshold = new ArrayList<>(List.of(soupArgs));
        withThreshold.addAll(List.of("--threshold", "0.25"));
        assertEquals(0, cl.execute(withThreshold.toArray(String[]::new)), err.toString());
        JsonNode s = json.readTree(soup.resolve("model.json").toFile());
        assertEquals(0.25, s.path("threshold").asDouble(), 0);
        assertEquals(2, s.at("/training/soupOf").size(), s.toString());
        assertTrue(s.at("/training/command").asText().endsWith("--threshold 0.25"), s.toString());
        assertTrue(Files.isRegularFile(soup.resolve("best.params")));
        withThreshold.set(withThreshold.size() - 1, "1.5");
        assertEquals(2, cl.execute(withThreshold.toArray(String[]::new)));
        assertTrue(err.toString().contains("--threshold 1.5 not in (0, 1)"), err.toString());
    }

    /** The crater commands, errors as one line on {@code err} and exit code 2. */
    private static CommandLine cli(StringWriter err) {
        CommandLine cl = new CommandLine(new CratersCommand());
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler(
                (ex, c, pr) -> {
                    c.getErr().println(ex.getMessage());
                    return 2;
                });
        return cl;
    }

    /** {@code detect --model MODEL --image IMAGE --out OUT} followed by {@code more}. */
    private static String[] detectArgs(Path model, Path image, Path out, String... more) {
        List<String> a =
                new ArrayList<>(
                        List.of(
                                "detect",
                                "--model",
                                model.toString(),
                                "--image",
                                image.toString(),
                                "--out",
                                out.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }
}
