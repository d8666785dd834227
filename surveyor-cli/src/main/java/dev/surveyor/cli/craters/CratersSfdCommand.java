package dev.surveyor.cli.craters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.craters.sfd.SizeFrequency;
import dev.surveyor.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code surveyor craters sfd}. */
@Command(
        name = "sfd",
        mixinStandardHelpOptions = true,
        description = {
            "Size-frequency statistics of a crater catalogue on a counting area: cumulative and differential",
            "distributions (sqrt(2) bins), R-plot, and a lunar Neukum (1983) model age with its 1-sigma range.",
            "Writes DIR/cumulative.csv, DIR/bins.csv and DIR/age.json."
        })
public final class CratersSfdCommand implements Callable<Integer> {
    @Option(
            names = "--catalog",
            required = true,
            description =
                    "CSV with a diameter_km column (or diameter_px / diameter with --pixel-m).")
    Path catalog;

    @Option(names = "--area-km2", required = true, description = "Counting area, km^2.")
    double areaKm2;

    @Option(names = "--pixel-m", description = "Pixel size (m) to convert a pixel diameter column.")
    Double pixelM;

    @Option(
            names = "--min-diameter-km",
            defaultValue = "0.01",
            description = "Smallest diameter of the age fit, km. Default: ${DEFAULT-VALUE}.")
    double dMin;

    @Option(
            names = "--max-diameter-km",
            defaultValue = "300",
            description = "Largest diameter of the age fit, km. Default: ${DEFAULT-VALUE}.")
    double dMax;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<String> lines = Files.readAllLines(catalog);
        if (lines.isEmpty()) {
            throw new RasterFormatException(catalog + ": empty catalogue");
        }
        String[] head = lines.get(0).split("\\s*,\\s*");
        int col = -1;
        double factor = 1;
        for (int i = 0; i < head.length; i++) {
            String h = head[i].trim().toLowerCase(Locale.ROOT);
            if (h.equals("diameter_km") || h.equals("diam_km")) {
                col = i;
            }
        }
        if (col < 0 && pixelM != null) {
            for (int i = 0; i < head.length; i++) {
                String h = head[i].trim().toLowerCase(Locale.ROOT);
                if (h.equals("diameter_px") || h.equals("diameter")) {
                    col = i;
                    factor = pixelM / 1000;
                }
            }
        }
        if (col < 0) {
            throw new RasterFormatException(
                    catalog
                            + ": no diameter_km column (or diameter_px with --pixel-m) in header "
                            + lines.get(0));
        }
        double[] d = new double[lines.size() - 1];
        int n = 0;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split("\\s*,\\s*");
            try {
                d[n++] = Double.parseDouble(f[col].trim()) * factor;
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new RasterFormatException(
                        catalog
                                + ": line "
                                + (i + 1)
                                + ": no valid diameter in '"
                                + lines.get(i)
                                + "'");
            }
        }
        SizeFrequency s = new SizeFrequency(java.util.Arrays.copyOf(d, n), areaKm2);
        Files.createDirectories(out);
        StringBuilder c = new StringBuilder("diameter_km,cumulative_per_km2,error_per_km2\n");
        for (SizeFrequency.CumulativePoint p : s.cumulative()) {
            c.append(
                    String.format(
                            Locale.ROOT,
                            "%.6f,%.6e,%.6e%n",
                            p.diameterKm(),
                            p.perKm2(),
                            p.errorPerKm2()));
        }
        AtomicFiles.writeString(out.resolve("cumulative.csv"), c.toString());
        StringBuilder b = new StringBuilder("lo_km,hi_km,count,differential_per_km3,r,r_error\n");
        for (SizeFrequency.Bin x : s.bins()) {
            b.append(
                    String.format(
                            Locale.ROOT,
                            "%.6f,%.6f,%d,%.6e,%.6e,%.6e%n",
                            x.loKm(),
                            x.hiKm(),
                            x.count(),
                            x.differentialPerKm3(),
                            x.r(),
                            x.rError()));
        }
        AtomicFiles.writeString(out.resolve("bins.csv"), b.toString());
        SizeFrequency.Age a = s.age(dMin, dMax);
        ObjectMapper m = new ObjectMapper();
        ObjectNode j = m.valueToTree(a);
        j.put("chronology", "Moon, Neukum (1983), CraterStats coefficients")
                .put("areaKm2", areaKm2);
        AtomicFiles.writeString(
                out.resolve("age.json"), m.writerWithDefaultPrettyPrinter().writeValueAsString(j));
        System.out.printf(
                Locale.ROOT,
                "N(1) = %.3e /km^2 from %d craters in [%.3f, %.3f] km: model age %.3f Ga (%.3f - %.3f)%n",
                a.n1PerKm2(),
                a.count(),
                a.dMinKm(),
                a.dMaxKm(),
                a.ageGa(),
                a.ageLowGa(),
                a.ageHighGa());
        return 0;
    }
}
