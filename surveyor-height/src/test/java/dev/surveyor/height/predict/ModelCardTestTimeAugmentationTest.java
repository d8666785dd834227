package dev.surveyor.height.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.height.data.Dihedral;
import dev.surveyor.height.data.DihedralSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code testTimeAugmentation} default of {@code model.json}. */
class ModelCardTestTimeAugmentationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void d4RoundTripsAndNoneIsNotWritten() throws Exception {
        ModelCard none = ModelCardViewsTest.card(4, List.of());
        assertEquals(DihedralSet.NONE, none.defaultTestTimeAugmentation());
        assertFalse(JSON.readTree(JSON.writeValueAsString(none)).has("testTimeAugmentation"));

        ModelCard d4 = ModelCardViewsTest.card(4, List.of(), "d4");
        assertEquals(DihedralSet.D4, d4.defaultTestTimeAugmentation());
        JsonNode n = JSON.readTree(JSON.writeValueAsString(d4));
        assertEquals("d4", n.path("testTimeAugmentation").asText());
        Files.writeString(dir.resolve(HeightModel.CARD_FILE), JSON.writeValueAsString(d4));
        assertEquals(DihedralSet.D4, HeightModel.readCard(dir).defaultTestTimeAugmentation());
    }

    @Test
    void subsetsAreWrittenInCanonicalOrderAndNoneAsAbsent() throws Exception {
        ModelCard rows = ModelCardViewsTest.card(4, List.of(), "flip-rows, identity");
        assertEquals("identity,flip-rows", rows.testTimeAugmentation());
        assertEquals(
                DihedralSet.of(Dihedral.IDENTITY, Dihedral.FLIP_ROWS),
                rows.defaultTestTimeAugmentation());
        Files.writeString(dir.resolve(HeightModel.CARD_FILE), JSON.writeValueAsString(rows));
        assertEquals(
                rows.defaultTestTimeAugmentation(),
                HeightModel.readCard(dir).defaultTestTimeAugmentation());
        ModelCard none = ModelCardViewsTest.card(4, List.of(), "none");
        assertNull(none.testTimeAugmentation());
    }

    @Test
    void unknownValueIsRefusedNamingTheFileAndTheValue() throws Exception {
        ModelCard none = ModelCardViewsTest.card(4, List.of());
        assertThrows(
                IllegalArgumentException.class,
                () -> ModelCardViewsTest.card(4, List.of(), "flip"));
        String text =
                JSON.writeValueAsString(none)
                        .replaceFirst("\\}$", ",\"testTimeAugmentation\":\"d8\"}");
        Path f = dir.resolve(HeightModel.CARD_FILE);
        Files.writeString(f, text);
        RasterFormatException e =
                assertThrows(RasterFormatException.class, () -> HeightModel.readCard(dir));
        assertTrue(
                e.getMessage().contains(HeightModel.CARD_FILE) && e.getMessage().contains("\"d8\""),
                e.getMessage());
    }
}
