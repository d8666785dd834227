package dev.surveyor.cli.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.surveyor.cli.insar.InsarCommand;
import dev.surveyor.insar.pipeline.ConfigPsPipeline;
import dev.surveyor.insar.pipeline.PsOutputWriter;
import dev.surveyor.insar.pipeline.PsPipeline;
import dev.surveyor.insar.sim.ConfigSimulation;
import dev.surveyor.insar.sim.SimulationWriter;
import dev.surveyor.insar.sim.StackSimulator;
import dev.surveyor.insar.stack.StackManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code surveyor insar ps --engine spark} on embedded {@code local[2]} writes what the
 * single-machine pipeline writes.
 */
class EngineSparkTest {
    @TempDir Path dir;

    @Test
    void sparkPsMatchesTheSingleMachinePipeline() throws Exception {
        // Spark needs the --add-opens flags of bin/surveyor (surefire argLine of this module).
        assumeTrue(
                Object.class.getModule().isOpen("sun.nio.ch", getClass().getModule()),
                "java.base/sun.nio.ch is not opened to the class path: Spark cannot start here");
        ConfigSimulation s = new ConfigSimulation();
        s.widthPx = 48;
        s.heightPx = 40;
        s.numDates = 12;
        s.psFraction = 0.08;
        s.seed = 3;
        Path manifest = SimulationWriter.write(StackSimulator.simulate(s), dir.resolve("stack"));
        CommandLine cl = new CommandLine(new InsarCommand());
        int code =
                cl.execute(
                        "ps",
                        "--engine",
                        "spark",
                        "--stack",
                        manifest.toString(),
                        "--out",
                        dir.resolve("spark").toString(),
                        "--block-rows",
                        "16",
                        "--iterations",
                        "0",
                        "--master",
                        "local[2]",
                        "--spark-conf",
                        "spark.driver.host=127.0.0.1");
        assertEquals(0, code);
        ConfigPsPipeline c = new ConfigPsPipeline();
        c.blockRows = 16;
        c.atmosphere.iterations = 0;
        PsOutputWriter.write(
                PsPipeline.run(StackManifest.read(manifest), c, null), dir.resolve("single"));
        for (String f : new String[] {"ps.csv", "velocity.tif", "summary.json"}) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("single").resolve(f)),
                    Files.readAllBytes(dir.resolve("spark").resolve(f)),
                    f);
        }
        assertTrue(Files.size(dir.resolve("spark/ps.csv")) > 200);
    }

    @Test
    void engineOptionsRejectSparkSettingsForTheLocalEngine() {
        EngineOptions o = new EngineOptions();
        new CommandLine(o).parseArgs("--master", "local[2]");
        assertThrows(IllegalArgumentException.class, o::isSpark);
        EngineOptions s = new EngineOptions();
        new CommandLine(s)
                .parseArgs("--engine", "spark", "--spark-conf", "spark.executor.memory=2g");
        assertTrue(s.isSpark());
        assertEquals("local[*]", s.sparkConfig().master);
        assertEquals("2g", s.sparkConfig().sparkConf.get("spark.executor.memory"));
        EngineOptions bad = new EngineOptions();
        new CommandLine(bad).parseArgs("--engine", "spark", "--spark-conf", "executor.memory=2g");
        assertThrows(IllegalArgumentException.class, bad::sparkConfig);
    }
}
