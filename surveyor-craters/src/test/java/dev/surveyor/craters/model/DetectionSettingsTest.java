package dev.surveyor.craters.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.craters.Crater;
import dev.surveyor.learn.ModelDir;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionSettingsTest {
    @TempDir Path tmp;

    private ModelDir modelDir(ObjectNode json) throws Exception {
        ModelDir md = new ModelDir(tmp);
        md.writeJson(json);
        return md;
    }

    private static ObjectNode hourglassJson() {
        ObjectNode json = ModelDir.json().createObjectNode();
        // small hourglass: size multiple 4 << 3 = 32
        json.set("architecture", ConfigCenterNet.hourglassSmall().toJson());
        return json;
    }

    @Test
    void defaultsWhenModelJsonHasOnlyTheArchitecture() throws Exception {
        DetectionSettings s = DetectionSettings.read(modelDir(hourglassJson()));
        assertEquals(32, s.architecture().sizeMultiple());
        assertEquals(512, s.windowPx());
        assertEquals(0.3, s.threshold());
        assertEquals(1.0, s.sizeScale());
        assertFalse(s.normalisation().perImage());
        assertEquals(TestScales.SINGLE, s.scales());
        assertEquals(63, DetectionSettings.defaultOverlapPx(128));
        assertEquals(64, DetectionSettings.defaultOverlapPx(512));
        List<Crater> craters = List.of(new Crater(1, 2, 10, 0.5));
        assertSame(craters, s.scaleDiameters(craters));
    }

    @Test
    void storedValuesWindowRoundingAndDiameterScale() throws Exception {
        ObjectNode json = hourglassJson();
        json.put("windowPx", 300).put("threshold", 0.42).put("sizeScale", 0.8);
        DetectionSettings s = DetectionSettings.read(modelDir(json));
        assertEquals(288, s.windowPx(), "rounded down to a multiple of 32");
        assertEquals(288, s.windowPx(0), "0 = the model's window");
        assertEquals(96, s.windowPx(100));
        assertThrows(IllegalArgumentException.class, () -> s.windowPx(20));
        assertEquals(0.42, s.threshold());
        Crater c = s.scaleDiameters(List.of(new Crater(1, 2, 10, 0.5))).get(0);
        assertEquals(8.0, c.diameterPx(), 1e-12);
        assertEquals(1.0, c.xPx());
        assertEquals(0.5, c.score());
    }

    @Test
    void aModelJsonWithoutArchitectureOrWithABadSettingIsNamed() throws Exception {
        ObjectNode json = ModelDir.json().createObjectNode().put("threshold", 0.4);
        RasterFormatException e =
                assertThrows(
                        RasterFormatException.class, () -> DetectionSettings.read(modelDir(json)));
        assertTrue(e.getMessage().contains("model.json"), e.getMessage());
        assertTrue(e.getMessage().contains("architecture"), e.getMessage());
        ObjectNode bad = hourglassJson();
        bad.putObject("input").put("normalisation", "grey / 255");
        e = assertThrows(RasterFormatException.class, () -> DetectionSettings.read(modelDir(bad)));
        assertTrue(e.getMessage().contains("model.json"), e.getMessage());
        assertTrue(e.getMessage().contains("'grey / 255'"), e.getMessage());
    }
}
