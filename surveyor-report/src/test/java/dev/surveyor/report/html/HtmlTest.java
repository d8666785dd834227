package dev.surveyor.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkupAndScriptBreakers() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.esc("<a href=\"x\">&'"));
        String js = Html.jsString("</script><!-- \"q\" \\ \u2028");
        assertFalse(js.contains("<") || js.contains(">"));
        assertEquals("\"\\u003c/script\\u003e\\u003c!-- \\\"q\\\" \\\\ \\u2028\"", js);
        String t = Html.table(List.of("<h>"), List.of(List.of("1234"), List.of("<b>")));
        assertEquals(
                "<table class=\"data\"><thead><tr><th>&lt;h&gt;</th></tr></thead><tbody>"
                        + "<tr><td class=\"n\">1234</td></tr><tr><td>&lt;b&gt;</td></tr></tbody></table>",
                t);
    }

    @Test
    void jsNumAgreesWithStringFormat() {
        assertEquals("null", Html.jsNum(Double.NaN, 2));
        assertEquals("0", Html.jsNum(-0.0001, 2));
        assertEquals("-1.5", Html.jsNum(-1.5, 3));
        assertEquals("12", Html.jsNum(12.0, 2));
        assertEquals("0.07", Html.jsNum(0.0707, 2));
        Random rnd = new Random(5);
        for (int i = 0; i < 20000; i++) {
            double v = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(12) - 4);
            int d = rnd.nextInt(6);
            double expected = Double.parseDouble(String.format(Locale.ROOT, "%." + d + "f", v));
            double got = Double.parseDouble(Html.jsNum(v, d));
            // equal up to a half-unit tie rounded the other way
            assertEquals(expected, got, Math.pow(10, -d) * 1.0001, v + " with " + d + " digits");
        }
    }
}
