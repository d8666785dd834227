package dev.surveyor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.testkit.ExternalTools;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line: exit codes, one-line errors and {@code info} against {@code gdalinfo -stats}.
 */
class SurveyorCliTest {
    @TempDir Path tmp;

    /** Result of one CLI run. */
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = SurveyorCli.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Path sample() {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("samples"))) {
            p = p.getParent();
        }
        assertTrue(p != null, "samples/ folder not found above the working directory");
        return p.resolve("samples/hrsc-nanedi-512.tif");
    }

    @Test
    void versionAndHelpExitZero() {
        Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("surveyor "), v.out());
        Run h = run("--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("info"), h.out());
    }

    @Test
    void usageErrorsExitTwo() {
        Run r = run("info", "--no-such-option", "x.tif");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--no-such-option"), r.err());
        assertEquals(2, run("no-such-command").code());
    }

    @Test
    void missingFileIsOneLineNamingTheFile() {
        Path missing = tmp.resolve("absent.tif");
        Run r = run("info", missing.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("absent.tif"), r.err());
    }

    @Test
    void damagedFilesExitTwoWithoutStackTrace() throws IOException {
        byte[] good = Files.readAllBytes(sample());
        Path truncated = tmp.resolve("truncated.tif");
        Files.write(truncated, java.util.Arrays.copyOf(good, 200));
        Path badMagic = tmp.resolve("magic.tif");
        byte[] m = good.clone();
        m[0] = 'X';
        Files.write(badMagic, m);
        for (Path p : new Path[] {truncated, badMagic}) {
            Run r = run("info", p.toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(p.getFileName().toString()), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void stackTraceOnlyWhenAsked() {
        Run r = run("info", "--stacktrace", tmp.resolve("absent.tif").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void infoAgreesWithGdalinfoStats() throws IOException {
        ExternalTools.requireGdal();
        // a copy, so that gdalinfo's .aux.xml side file does not land in samples/
        Path f = Files.copy(sample(), tmp.resolve("scene.tif"));
        Run r = run("info", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Size: 512 x 512"), r.out());
        assertTrue(r.out().contains("Type: Byte"), r.out());
        assertTrue(r.out().contains("12.50000000"), r.out());
        String gdal = ExternalTools.check("gdalinfo", "-stats", "-json", f.toString());
        double gMean = number(gdal, "\"mean\":\\s*([-0-9.eE+]+)");
        double gStd = number(gdal, "\"stdDev\":\\s*([-0-9.eE+]+)");
        double ourMean = number(r.out(), "mean=([-0-9.eE+]+)");
        double ourStd = number(r.out(), "stddev=([-0-9.eE+]+)");
        assertEquals(gMean, ourMean, 1e-3 * Math.abs(gMean), "mean");
        assertEquals(gStd, ourStd, 1e-3 * Math.abs(gStd), "stddev");
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex + " in " + text);
        return Double.parseDouble(m.group(1).toLowerCase(Locale.ROOT));
    }
}
