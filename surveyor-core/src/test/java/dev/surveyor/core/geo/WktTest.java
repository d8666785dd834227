package dev.surveyor.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WktTest {
    @Test
    void parsesNestedNodesNumbersWordsAndStrings() {
        Wkt w =
                Wkt.parse(
                        " geogcs [\"a \"\"quoted\"\" name\", SPHEROID[\"s\", 6.3781e6, -0.5], AXIS[\"Lat\", NORTH]] ");
        assertEquals("GEOGCS", w.keyword());
        assertEquals("a \"quoted\" name", w.name());
        Wkt s = w.child("SPHEROID");
        assertEquals(6378100.0, s.number(1));
        assertEquals(-0.5, s.number(2));
        assertEquals(List.of("Lat", "NORTH"), w.child("AXIS").values());
        assertEquals(s, w.find("SPHEROID"));
    }

    @Test
    void acceptsParenthesesAndEmptyNodes() {
        Wkt w = Wkt.parse("PROJCS(\"x\",GEOGCS(\"g\",SPHEROID(\"s\",1,0)),EMPTY[])");
        assertEquals(1.0, w.find("SPHEROID").number(1));
        assertTrue(w.child("EMPTY").values().isEmpty());
    }

    @Test
    void badTextIsRejectedWithThePosition() {
        for (String bad :
                new String[] {
                    "GEOGCS[\"x\"",
                    "GEOGCS[\"x]",
                    "GEOGCS[\"x\",,]",
                    "GEOGCS[\"x\"] tail",
                    "[1]",
                    "GEOGCS[\"x\" 1]",
                    "GEOGCS[1.2.3]"
                }) {
            var e = assertThrows(IllegalArgumentException.class, () -> Wkt.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("bad WKT at character"), e.getMessage());
        }
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Wkt.parse("SPHEROID[\"s\",x]").number(1));
        assertTrue(e.getMessage().contains("SPHEROID"), e.getMessage());
    }
}
