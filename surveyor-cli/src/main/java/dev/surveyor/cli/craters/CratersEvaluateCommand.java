package dev.surveyor.cli.craters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.craters.Crater;
import dev.surveyor.craters.CraterCatalog;
import dev.surveyor.craters.eval.CraterEvaluation;
import dev.surveyor.craters.eval.DetectionScores;
import dev.surveyor.craters.eval.MatchCriterion;
import dev.surveyor.craters.io.CraterFiles;
import dev.surveyor.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code surveyor craters evaluate}. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Score detections against truth: one-to-one greedy matching by score, box IoU (circumscribed squares)",
            "by default, or DeepMoon's or PyCDA's match criterion (--criterion).",
            "Writes DIR/metrics.json, DIR/curve.csv (precision, recall, F1 against threshold), DIR/subsamples.csv and the",
            "plots f1_threshold.png, pr_curve.png, f1_boxplot.png, sfd_histogram.png."
        })
public final class CratersEvaluateCommand implements Callable<Integer> {
    @Option(
            names = "--truth",
            required = true,
            description = "Truth: LRO NAC .txt, x,y,diameter .csv, or COCO .json (one image).")
    Path truth;

    @Option(
            names = "--detections",
            required = true,
            description = "Detections CSV (x_px,y_px,diameter_px,score).")
    Path detections;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(
            names = "--min-diameter",
            defaultValue = "0",
            description =
                    "Truth below it dropped, unmatched detections below it ignored (px). Default: ${DEFAULT-VALUE}.")
    double minDiameter;

    @Option(
            names = "--iou",
            defaultValue = "0.5",
            description = "Box IoU of a match. Default: ${DEFAULT-VALUE}.")
    double iou;

    @Option(
            names = "--threshold",
            defaultValue = "0",
            description = "Score threshold for P/R/F1. Default: ${DEFAULT-VALUE}.")
    double threshold;

    @Option(
            names = "--criterion",
            defaultValue = "iou",
            description =
                    "Match criterion: iou (box IoU >= --iou), deepmoon (Silburt et al. 2019: centre distance^2 / min(r)^2 < 1.8"
                            + " and |dr| / min(r) < 1), pycda (|(dx, dy, dD)| / D_truth <= 0.4). Default: ${DEFAULT-VALUE}.")
    String criterion;

    @Option(names = "--no-plots", description = "Do not write the PNG plots.")
    boolean noPlots;

    @Override
    public Integer call() throws Exception {
        MatchCriterion mc = MatchCriterion.byName(criterion, iou);
        List<Crater> t = readTruth(truth);
        List<Crater> d = CraterFiles.readXyDiameterCsv(detections).craters();
        CraterEvaluation e = CraterEvaluation.evaluate(t, d, mc, minDiameter, threshold, 42);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("truth", truth.toString()).put("detections", detections.toString());
        root.put("criterion", mc.label());
        root.put("minIou", iou).put("minDiameterPx", minDiameter);
        root.set("atThreshold", json.valueToTree(e.atThreshold()));
        root.set("bestF1", json.valueToTree(e.bestF1()));
        root.put("ap50", e.ap50()).put("cocoAp", e.cocoAp());
        root.set("subsampleF1", json.valueToTree(e.subsampleF1()));
        Files.createDirectories(out);
        AtomicFiles.writeString(
                out.resolve("metrics.json"),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        StringBuilder c = new StringBuilder("threshold,precision,recall,f1,tp,fp,fn\n");
        for (DetectionScores.AtThreshold a : e.curve()) {
            c.append(
                    String.format(
                            Locale.ROOT,
                            "%.5f,%.5f,%.5f,%.5f,%d,%d,%d%n",
                            a.threshold(),
                            a.precision(),
                            a.recall(),
                            a.f1(),
                            a.truePositives(),
                            a.falsePositives(),
                            a.falseNegatives()));
        }
        AtomicFiles.writeString(out.resolve("curve.csv"), c.toString());
        StringBuilder s = new StringBuilder("subsample,f1\n");
        for (int i = 0; i < e.subsampleF1().length; i++) {
            s.append(i)
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.5f", e.subsampleF1()[i]))
                    .append('\n');
        }
        AtomicFiles.writeString(out.resolve("subsamples.csv"), s.toString());
        if (!noPlots) {
            EvaluationPlots.write(out, e, t, d, threshold, minDiameter, mc.label());
        }
        DetectionScores.AtThreshold a = e.atThreshold(), b = e.bestF1();
        System.out.printf(
                Locale.ROOT,
                "%s, threshold %.3f: P %.4f R %.4f F1 %.4f | best F1 %.4f at %.3f | AP %.4f | AP@[.5:.95] (box IoU) %.4f | median D ratio %.3f%n",
                mc.label(),
                a.threshold(),
                a.precision(),
                a.recall(),
                a.f1(),
                b.f1(),
                b.threshold(),
                e.ap50(),
                e.cocoAp(),
                a.medianDiameterRatio());
        return 0;
    }

    static List<Crater> readTruth(Path p) throws IOException {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".txt")) {
            return CraterFiles.readLroNac(p).craters();
        }
        if (n.endsWith(".json")) {
            Map<String, CraterCatalog> m = CraterFiles.readCoco(p);
            if (m.size() != 1) {
                throw new IllegalArgumentException(
                        p + ": COCO file has " + m.size() + " images; give a file with one");
            }
            return m.values().iterator().next().craters();
        }
        return CraterFiles.readXyDiameterCsv(p).craters();
    }
}
