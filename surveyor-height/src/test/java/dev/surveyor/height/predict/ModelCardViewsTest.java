package dev.surveyor.height.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.surveyor.height.data.InputView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code model.json} with and without extra views; cards written before views existed load. */
class ModelCardViewsTest {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir Path dir;

    static ModelCard card(int inputBands, List<InputView> views) {
        return card(inputBands, views, null);
    }

    static ModelCard card(int inputBands, List<InputView> views, String testTimeAugmentation) {
        double[] m = new double[inputBands];
        return new ModelCard(
                ModelCard.FORMAT,
                "mrfed",
                inputBands,
                0.125,
                1,
                new int[] {3, 4, 6, 3},
                m,
                m,
                10,
                123,
                List.of("a"),
                List.of("b"),
                "test",
                1.5,
                1,
                Map.of(),
                views,
                testTimeAugmentation);
    }

    @Test
    void oldCardWithoutViewsLoadsWithNone() throws Exception {
        String old =
                """
                {"format":"surveyor-height-model/1","architecture":"mrfed","inputBands":4,
                 "widthMultiplier":0.1875,"sizePreservingBlocks":1,"resnetStageBlocks":[3,4,6,3],
                 "bandMean":[1,2,3,4],"bandStd":[1,1,1,1],"heightScaleM":10.0,
                 "parameterCount":5,"trainTiles":["x"],"validationTiles":[],"command":"c",
                 "trainingSeconds":1.0,"bestEpoch":1,"metrics":{}}
                """;
        Files.writeString(dir.resolve(HeightModel.CARD_FILE), old);
        ModelCard c = HeightModel.readCard(dir);
        assertEquals(List.of(), c.views());
        assertEquals(4, c.inputBands());
        assertEquals(4, c.imageBands());
        assertEquals(4, c.netConfig().inputBands);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "height-zy3/member-1",
                "height-zy3/member-2",
                "height-zy3/member-3",
                "height-zy3/member-4",
                "height-zy3/member-5",
                "height-zy3-d4"
            })
    void shippedModelCardLoadsUnchangedAndRewritesByteIdentically(String name) throws Exception {
        Path model = Path.of("..", "models", name);
        Path f = model.resolve(HeightModel.CARD_FILE);
        assumeTrue(Files.isRegularFile(f), "no shipped model");
        ModelCard c = HeightModel.readCard(model);
        assertEquals(List.of(), c.views());
        assertEquals(4, c.inputBands());
        assertEquals(4, c.imageBands());
        // the card written back is the same text: no views key when there are none
        String rewritten = JSON.writeValueAsString(c);
        assertEquals(
                Files.readString(f).strip().replace("\r\n", "\n"),
                rewritten.strip().replace("\r\n", "\n"));
    }

    @Test
    void viewsRoundTripAndAreWrittenOnlyWhenPresent() throws Exception {
        ModelCard with = card(7, List.of(new InputView("tlc", 3)));
        assertEquals(4, with.imageBands());
        JsonNode n = JSON.readTree(JSON.writeValueAsString(with));
        assertEquals("tlc", n.path("views").path(0).path("name").asText());
        assertEquals(3, n.path("views").path(0).path("bands").asInt());
        assertFalse(n.has("imageBands"), n.toString());
        Files.writeString(dir.resolve(HeightModel.CARD_FILE), JSON.writeValueAsString(with));
        ModelCard back = HeightModel.readCard(dir);
        assertEquals(with.views(), back.views());
        assertEquals(7, back.inputBands());

        JsonNode none = JSON.readTree(JSON.writeValueAsString(card(4, List.of())));
        assertFalse(none.has("views"), none.toString());
        // null views mean none
        assertTrue(card(4, null).views().isEmpty());
    }

    @Test
    void viewsMustLeaveAnImageBand() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> card(3, List.of(new InputView("tlc", 3))));
        assertTrue(e.getMessage().contains("tlc"), e.getMessage());
    }
}
