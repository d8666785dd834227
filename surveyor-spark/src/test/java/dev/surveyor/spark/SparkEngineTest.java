package dev.surveyor.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparkEngineTest {
    @Test
    void mapReturnsResultsInUnitOrderEvenWhenLaterUnitsFinishFirst() throws IOException {
        List<Integer> units = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            units.add(i);
        }
        // Early units sleep longer, so with two executor threads they finish last.
        List<String> out =
                LocalSpark.engine()
                        .map(
                                units,
                                u -> {
                                    Thread.sleep(Math.max(0, 30 - 2L * u));
                                    return "u"
                                            + u
                                            + ":"
                                            + Thread.currentThread()
                                                    .getName()
                                                    .startsWith("Executor");
                                },
                                null);
        assertEquals(13, out.size());
        for (int i = 0; i < 13; i++) {
            assertEquals("u" + i + ":true", out.get(i));
        }
    }

    @Test
    void forEachOrderedStreamsInOrder() throws IOException {
        List<Integer> units = List.of(5, 4, 3, 2, 1, 0, 7);
        List<Integer> seen = new ArrayList<>();
        LocalSpark.engine()
                .forEachOrdered(
                        units,
                        u -> u * 10,
                        (i, r) -> {
                            assertEquals(seen.size(), i);
                            seen.add(r);
                        },
                        null);
        assertEquals(List.of(50, 40, 30, 20, 10, 0, 70), seen);
    }

    @Test
    void taskExceptionsComeBackAsTheirOwnTypes() {
        List<Integer> units = List.of(0, 1, 2);
        IllegalArgumentException iae =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                LocalSpark.engine()
                                        .map(
                                                units,
                                                u -> {
                                                    if (u == 1) {
                                                        throw new IllegalArgumentException(
                                                                "bad unit 1");
                                                    }
                                                    return u;
                                                },
                                                null));
        assertTrue(iae.getMessage().contains("bad unit 1"), iae.getMessage());
        IOException io =
                assertThrows(
                        IOException.class,
                        () ->
                                LocalSpark.engine()
                                        .map(
                                                units,
                                                u -> {
                                                    if (u == 2) {
                                                        throw new IOException("x.tif: truncated");
                                                    }
                                                    return u;
                                                },
                                                null));
        assertTrue(io.getMessage().contains("x.tif: truncated"), io.getMessage());
    }

    @Test
    void configDefaultsAreEmbeddedAndSparkSubmitPropertiesWin() {
        ConfigSparkEngine c = new ConfigSparkEngine();
        c.validate();
        assertTrue(c.isLocal());
        var conf = SparkEngine.sparkConf(c);
        assertEquals("local[*]", conf.get("spark.master"));
        assertEquals("false", conf.get("spark.ui.enabled"));
        assertEquals("127.0.0.1", conf.get("spark.driver.bindAddress"));
        c.master = "spark://head:7077";
        c.sparkConf.put("spark.executor.memory", "6g");
        var cluster = SparkEngine.sparkConf(c);
        assertEquals("6g", cluster.get("spark.executor.memory"));
        assertTrue(!cluster.contains("spark.driver.bindAddress"));
        c.sparkConf.put("executor.memory", "6g");
        assertThrows(IllegalArgumentException.class, c::validate);
    }
}
