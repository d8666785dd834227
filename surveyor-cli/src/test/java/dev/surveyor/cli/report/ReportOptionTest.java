package dev.surveyor.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.cli.SurveyorCli;
import dev.surveyor.height.synth.ConfigSyntheticScene;
import dev.surveyor.height.synth.SyntheticSceneFiles;
import dev.surveyor.insar.sim.ConfigSimulation;
import dev.surveyor.insar.sim.SimulationWriter;
import dev.surveyor.insar.sim.StackSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --report DIR} on the analysis commands writes the page {@code surveyor report} writes. */
class ReportOptionTest {
    @TempDir Path dir;

    private static int run(String... args) {
        var cl = SurveyorCli.newCommandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        assertEquals(0, code, String.join(" ", args) + ": " + err);
        return code;
    }

    private static Path repo() {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("models"))) {
            p = p.getParent();
        }
        assertTrue(p != null, "models/ not found above the working directory");
        return p;
    }

    @Test
    void psReportIsTheSameAsTheReportCommands() throws Exception {
        ConfigSimulation s = new ConfigSimulation();
        s.widthPx = 40;
        s.heightPx = 32;
        s.numDates = 12;
        s.psFraction = 0.1;
        s.seed = 5;
        Path manifest = SimulationWriter.write(StackSimulator.simulate(s), dir.resolve("stack"));
        Path out = dir.resolve("ps");
        run(
                "insar",
                "ps",
                "--stack",
                manifest.toString(),
                "--out",
                out.toString(),
                "--iterations",
                "0",
                "--report",
                dir.resolve("rep").toString());
        run("report", "--run", out.toString(), "--out", dir.resolve("rep2").toString());
        String page = Files.readString(dir.resolve("rep/report.html"));
        assertTrue(page.contains("ps.csv") || page.contains("PS"), "an InSAR page");
        assertEquals(Files.readString(dir.resolve("rep2/report.html")), page);
    }

    @Test
    void heightPredictReportLinksItsFilesUnderTheNamesTheReportReads() throws Exception {
        ConfigSyntheticScene sc = new ConfigSyntheticScene();
        sc.widthPx = 96;
        sc.heightPx = 96;
        sc.seed = 7;
        String name = SyntheticSceneFiles.writeDataDir(dir.resolve("scene"), sc, 1).get(0);
        Path img = dir.resolve("scene/img/img_" + name + ".tif");
        Path rep = dir.resolve("rep");
        run(
                "height",
                "predict",
                "--model",
                repo().resolve("models/height-zy3").toString(),
                "--image",
                img.toString(),
                "--out",
                dir.resolve("h.tif").toString(),
                "--report",
                rep.toString());
        assertTrue(Files.isRegularFile(rep.resolve("report.html")));
        assertEquals(Files.size(dir.resolve("h.tif")), Files.size(rep.resolve("run/height.tif")));
        assertTrue(Files.isRegularFile(rep.resolve("run/image.tif")));
        // the user's files are untouched and still where they were
        assertTrue(Files.isRegularFile(img) && !Files.isSymbolicLink(dir.resolve("h.tif")));
    }
}
