package dev.surveyor.insar.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surveyor.testkit.SharedData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceSelectorTest {
    @Test
    void realSnapTableGivesTheSameReferenceByBothCriteria() throws Exception {
        Path csv =
                SharedData.require(
                        "insar/stamps-exports/input/baseline_info/SNAP_export_baseline_info.csv");
        BaselineTable t = BaselineTable.readSnapCsv(csv);
        assertEquals(87, t.dates().size());
        ReferenceChoice c = ReferenceSelector.select(t.dates(), t.bperpM(), t.dopplerHz(), null);
        assertEquals(LocalDate.of(2018, 3, 2), c.paper().date());
        assertEquals(LocalDate.of(2018, 3, 2), c.modelledCoherence().date());
        // SNAP's own table gives 0.81 for 2017-08-10 against 2018-03-02 (B 5.75 m, T 204 d, D 1.80
        // Hz).
        double rho = (1 - 5.75 / 1200) * (1 - 204.0 / 1095) * (1 - 1.80 / 1380);
        assertEquals(0.81, rho, 0.005);
    }

    @Test
    void middleDateWinsOnARegularStack() {
        List<LocalDate> d =
                List.of(
                        LocalDate.of(2020, 1, 1),
                        LocalDate.of(2020, 1, 13),
                        LocalDate.of(2020, 1, 25),
                        LocalDate.of(2020, 2, 6),
                        LocalDate.of(2020, 2, 18));
        ReferenceChoice c =
                ReferenceSelector.select(d, new double[] {0, 10, 0, -10, 0}, null, null);
        assertEquals(d.get(2), c.paper().date());
        assertEquals(d.get(2), c.modelledCoherence().date());
        // Modelled coherence of the middle date by hand: mean over 5 of f(ΔT) f(ΔB).
        double expected =
                (1 + (1 - 24.0 / 1095) * 2 + (1 - 12.0 / 1095) * (1 - 10.0 / 1200) * 2) / 5;
        assertEquals(expected, c.modelledCoherence().modelledCoherence(), 1e-12);
    }
}
