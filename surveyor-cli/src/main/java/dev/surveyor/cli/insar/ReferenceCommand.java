package dev.surveyor.cli.insar;

import dev.surveyor.insar.baseline.BaselineTable;
import dev.surveyor.insar.baseline.ReferenceCandidate;
import dev.surveyor.insar.baseline.ReferenceChoice;
import dev.surveyor.insar.baseline.ReferenceSelector;
import dev.surveyor.insar.stack.Acquisition;
import dev.surveyor.insar.stack.StackManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code surveyor insar reference --stack S} (or {@code --snap-baselines CSV}): prints the
 * reference date chosen by the paper's criterion and by SNAP's modelled coherence, with their
 * scores.
 */
@Command(
        name = "reference",
        mixinStandardHelpOptions = true,
        description =
                "Choose the reference date: the paper's criterion and SNAP's modelled coherence.")
public final class ReferenceCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    static final class Input {
        @Option(names = "--stack", paramLabel = "S", description = "Stack manifest (stack.json).")
        Path stack;

        @Option(
                names = "--snap-baselines",
                paramLabel = "CSV",
                description = "SNAP 'InSAR Stack Overview' baseline export (CSV).")
        Path snap;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--all", description = "Print the scores of every date.")
    boolean all;

    @Override
    public Integer call() throws IOException {
        ReferenceChoice c;
        if (input.stack != null) {
            StackManifest m = StackManifest.read(input.stack);
            double[] b =
                    m.hasBaselines()
                            ? m.acquisitions().stream().mapToDouble(Acquisition::bperpM).toArray()
                            : null;
            c = ReferenceSelector.select(m.dates(), b, null, null);
        } else {
            BaselineTable t = BaselineTable.readSnapCsv(input.snap);
            c = ReferenceSelector.select(t.dates(), t.bperpM(), t.dopplerHz(), null);
        }
        PrintWriter out = spec.commandLine().getOut();
        ReferenceCandidate p = c.paper();
        ReferenceCandidate m = c.modelledCoherence();
        out.printf(
                Locale.ROOT,
                "paper (min mean |T| and |B|): %s  score %.4f  mean|T| %.1f d  mean|B| %.1f m%n",
                p.date(),
                p.paperScore(),
                p.meanAbsTemporalDays(),
                p.meanAbsPerpendicularM());
        out.printf(
                Locale.ROOT,
                "modelled coherence (SNAP):    %s  coherence %.4f%n",
                m.date(),
                m.modelledCoherence());
        if (all) {
            out.println(
                    "date,mean_abs_temporal_days,mean_abs_perpendicular_m,paper_score,modelled_coherence");
            for (ReferenceCandidate r : c.candidates()) {
                out.printf(
                        Locale.ROOT,
                        "%s,%.2f,%.2f,%.5f,%.5f%n",
                        r.date(),
                        r.meanAbsTemporalDays(),
                        r.meanAbsPerpendicularM(),
                        r.paperScore(),
                        r.modelledCoherence());
            }
        }
        out.flush();
        return 0;
    }
}
