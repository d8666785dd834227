package dev.surveyor.cli.craters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surveyor.core.geo.GeoReferencer;
import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.geo.PixelGroundSize;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.craters.sfd.ChronologySystem;
import dev.surveyor.craters.sfd.CountingArea;
import dev.surveyor.craters.sfd.SizeFrequency;
import dev.surveyor.io.AtomicFiles;
import dev.surveyor.io.RasterIO;
import dev.surveyor.io.RasterSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code surveyor craters sfd}. */
@Command(
        name = "sfd",
        mixinStandardHelpOptions = true,
        description = {
            "Size-frequency statistics of a crater catalogue on a counting area: cumulative and differential",
            "distributions (sqrt(2) bins), R-plot, and a model age with its 1-sigma (Poisson) range in the",
            "CraterStats chronology system of the body: Moon = Neukum (1983); Mars = Ivanov (2001) production",
            "with the Hartmann & Neukum (2001) chronology. With --image (georeferenced), the body, the counting",
            "area (the image footprint) and the pixel size default from its georeferencing.",
            "Writes DIR/cumulative.csv, DIR/bins.csv, DIR/isochron.csv and DIR/age.json."
        })
public final class CratersSfdCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--catalog",
            required = true,
            description =
                    "CSV with a diameter_km column (or diameter_px / diameter with --pixel-m).")
    Path catalog;

    @Option(
            names = "--area-km2",
            description = "Counting area, km^2. Default: the footprint of --image.")
    Double areaKm2;

    @Option(
            names = "--image",
            paramLabel = "FILE",
            description =
                    "The counted image (georeferenced): body, counting area and pixel size default"
                            + " from it.")
    Path image;

    @Option(
            names = "--body",
            defaultValue = "auto",
            description =
                    "moon, mars or auto (the body of --image's georeferencing; Moon without one)."
                            + " Default: ${DEFAULT-VALUE}.")
    String body;

    @Option(
            names = "--pixel-m",
            description =
                    "Pixel size (m) to convert a pixel diameter column. Default: from --image.")
    Double pixelM;

    @Option(
            names = "--min-diameter-km",
            description =
                    "Smallest diameter of the age fit, km. Default: the production function's"
                            + " smallest (Moon 0.01, Mars 0.015).")
    Double dMin;

    @Option(
            names = "--max-diameter-km",
            description =
                    "Largest diameter of the age fit, km. Default: the production function's"
                            + " largest (Moon 300, Mars 362).")
    Double dMax;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Optional<GeoReferencer> georef = image == null ? Optional.empty() : georeferencing(image);
        ChronologySystem system;
        String bodySource;
        if (body.strip().equalsIgnoreCase("auto")) {
            Optional<ChronologySystem> fromImage =
                    georef.flatMap(g -> ChronologySystem.forBody(g.body()));
            if (georef.isPresent() && fromImage.isEmpty()) {
                throw new IllegalArgumentException(
                        image
                                + ": georeferenced on "
                                + georef.get().body().name()
                                + ", which has no chronology here; give --body moon or mars");
            }
            system = fromImage.orElse(ChronologySystem.MOON_NEUKUM_1983);
            bodySource =
                    fromImage.isPresent()
                            ? "georeferencing of " + image.getFileName()
                            : "default (no georeferenced --image)";
        } else {
            system = ChronologySystem.forBodyName(body);
            bodySource = "--body";
        }
        double area;
        String areaSource;
        if (areaKm2 != null) {
            area = areaKm2;
            areaSource = "--area-km2";
        } else if (georef.isPresent()) {
            area = CountingArea.km2(georef.get());
            areaSource = "footprint of " + image.getFileName();
        } else {
            throw new IllegalArgumentException(
                    "--area-km2 is needed (or a georeferenced --image to take the footprint of)");
        }
        if (!(area > 0) || !Double.isFinite(area)) {
            throw new IllegalArgumentException("--area-km2 must be positive, got " + area);
        }
        Double pixel = pixelM;
        if (pixel == null && georef.isPresent()) {
            GeoReferencer g = georef.get();
            PixelGroundSize ps = g.pixelSizeM(g.grid().width() / 2.0, g.grid().height() / 2.0);
            pixel = Math.sqrt(ps.xM() * ps.yM());
        }
        double fitMin = dMin != null ? dMin : system.minDiameterKm();
        double fitMax = dMax != null ? dMax : system.maxDiameterKm();
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
        if (col < 0 && pixel != null) {
            for (int i = 0; i < head.length; i++) {
                String h = head[i].trim().toLowerCase(Locale.ROOT);
                if (h.equals("diameter_px") || h.equals("diameter")) {
                    col = i;
                    factor = pixel / 1000;
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
        SizeFrequency s = new SizeFrequency(java.util.Arrays.copyOf(d, n), area);
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
        SizeFrequency.Age a = s.age(system, fitMin, fitMax);
        double largest = n == 0 ? fitMin : java.util.Arrays.stream(d, 0, n).max().orElse(fitMin);
        double isoMax = Math.min(fitMax, Math.max(largest, fitMin * 4));
        double[][] iso = SizeFrequency.isochron(system, a.n1PerKm2(), fitMin, isoMax, 40);
        StringBuilder ic = new StringBuilder("diameter_km,isochron_per_km2\n");
        for (int i = 0; i < iso[0].length; i++) {
            ic.append(String.format(Locale.ROOT, "%.6f,%.6e%n", iso[0][i], iso[1][i]));
        }
        AtomicFiles.writeString(out.resolve("isochron.csv"), ic.toString());
        ObjectMapper m = new ObjectMapper();
        ObjectNode j = m.valueToTree(a);
        j.put("body", system.body())
                .put("bodySource", bodySource)
                .put("chronologySystem", system.systemName())
                .put("productionFunction", system.productionName())
                .put("chronologyFunction", system.chronologyName())
                .put("areaKm2", area)
                .put("areaSource", areaSource);
        AtomicFiles.writeString(
                out.resolve("age.json"), m.writerWithDefaultPrettyPrinter().writeValueAsString(j));
        PrintWriter w =
                spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
        w.printf(
                Locale.ROOT,
                "%s: N(1) = %.3e /km^2 from %d craters in [%.3f, %.3f] km on %.3g km^2: model age %.3f Ga (%.3f - %.3f)%n",
                system.systemName(),
                a.n1PerKm2(),
                a.count(),
                a.dMinKm(),
                a.dMaxKm(),
                area,
                a.ageGa(),
                a.ageLowGa(),
                a.ageHighGa());
        w.flush();
        return 0;
    }

    private static Optional<GeoReferencer> georeferencing(Path image) throws IOException {
        try (RasterSource src = RasterIO.open(image)) {
            Optional<GridGeometry> g = src.geometry();
            if (g.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(GeoReferencer.of(g.get()));
            } catch (IllegalArgumentException e) {
                throw new RasterFormatException(
                        image + ": unsupported georeferencing: " + e.getMessage());
            }
        }
    }
}
