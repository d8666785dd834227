package dev.surveyor.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class ChartsTest {
    @Test
    void histogramCountsMatchHandCount() {
        double[] v = {0, 0.1, 0.25, 0.5, 0.99, 1.0, Double.NaN, -0.1, 1.1};
        assertArrayEquals(new long[] {2, 1, 1, 2}, Charts.histogramCounts(v, 4, 0, 1));
    }

    @Test
    void chartsRenderHeadlessAtTheirSize() {
        XYChart ll =
                Charts.logLog(
                        "sfd",
                        "D",
                        "N",
                        List.of(
                                Series.line(
                                        "a",
                                        new double[] {1, 2, 0, -1},
                                        new double[] {10, 5, 3, 2})));
        assertEquals(
                2, ll.getSeries("a").getXData().length, "non-positive points dropped on log axes");
        BufferedImage img = Charts.toImage(ll);
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
        XYChart ts =
                Charts.timeSeries(
                        "ts",
                        "mm",
                        List.of(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 2, 1)),
                        List.of("p"),
                        new double[][] {{1, Double.NaN}});
        assertEquals(1, ts.getSeries("p").getXData().length);
        assertEquals(760, Charts.toImage(ts).getWidth());
        XYChart empty = Charts.xy("e", "x", "y", List.of());
        assertNull(
                Charts.add(
                        empty, Series.scatter("nan", new double[] {Double.NaN}, new double[] {1})));
        Charts.toImage(
                Charts.scatterOneToOne(
                        "s", "t", "p", new double[] {1, 2, 3}, new double[] {1.1, 2.2, 2.9}));
    }
}
