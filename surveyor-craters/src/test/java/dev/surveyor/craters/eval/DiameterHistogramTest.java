package dev.surveyor.craters.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surveyor.craters.Crater;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiameterHistogramTest {
    @Test
    void sqrt2BinsCountEachDiameterOnce() {
        // edges 8, 11.31, 16, 22.63, 32: 7 is below the first edge, 16 sits on an edge (upper bin)
        List<Crater> c =
                List.of(
                        Crater.truth(0, 0, 7),
                        Crater.truth(0, 0, 8),
                        Crater.truth(0, 0, 11.3),
                        Crater.truth(0, 0, 11.32),
                        Crater.truth(0, 0, 16),
                        Crater.truth(0, 0, 30));
        DiameterHistogram h = DiameterHistogram.of(c, 8, 0);
        assertEquals(5, h.edgesPx().length);
        assertEquals(8 * Math.sqrt(2), h.edgesPx()[1], 1e-12);
        assertEquals(32, h.edgesPx()[4], 1e-12);
        assertArrayEquals(new long[] {2, 1, 1, 1}, h.counts());
        // a larger hiPx extends the bins (to compare two sets on the same edges)
        DiameterHistogram wide = DiameterHistogram.of(c, 8, 40);
        assertEquals(6, wide.edgesPx().length);
        assertArrayEquals(new long[] {2, 1, 1, 1, 0}, wide.counts());
        // the largest diameter on an edge still gets a bin
        assertArrayEquals(
                new long[] {0, 0, 1},
                DiameterHistogram.of(List.of(Crater.truth(0, 0, 16)), 8, 0).counts());
    }
}
