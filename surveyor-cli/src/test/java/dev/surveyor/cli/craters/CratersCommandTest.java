package dev.surveyor.cli.craters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
        CommandLine cl = new CommandLine(new CratersCommand());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler(
                (ex, c, pr) -> {
                    c.getErr().println(ex.getMessage());
                    return 2;
                });
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
}
