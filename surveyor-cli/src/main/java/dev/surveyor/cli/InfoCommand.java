package dev.surveyor.cli;

import dev.surveyor.core.geo.GeoTransform;
import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.BandStatistics;
import dev.surveyor.io.RasterIO;
import dev.surveyor.io.RasterSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code surveyor info FILE}: format, size, bands, type, geotransform, CRS, no-data and per-band
 * statistics, like {@code gdalinfo -stats}. Statistics are computed block by block, so files larger
 * than memory work.
 */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description =
                "Describe a raster: format, size, type, georeferencing, no-data, band statistics.")
public final class InfoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "Raster file (GeoTIFF, ENVI, PNG, PGM).")
    Path file;

    @Option(
            names = "--no-stats",
            description = "Skip the per-band statistics (faster on big files).")
    boolean noStats;

    @Option(
            names = "--block-rows",
            defaultValue = "256",
            description = "Rows read at a time for statistics.")
    int blockRows;

    @Override
    public Integer call() throws IOException {
        if (blockRows <= 0) {
            throw new IllegalArgumentException("--block-rows must be positive, got " + blockRows);
        }
        PrintWriter out =
                spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
        try (RasterSource src = RasterIO.open(file)) {
            print(src, out);
        }
        out.flush();
        return SurveyorCli.EXIT_OK;
    }

    private void print(RasterSource src, PrintWriter out) throws IOException {
        out.println("Driver: " + src.formatName());
        out.println("File: " + src.path());
        out.println(
                "Size: "
                        + src.width()
                        + " x "
                        + src.height()
                        + " (columns x rows), "
                        + src.numBands()
                        + " band"
                        + (src.numBands() == 1 ? "" : "s"));
        out.println("Type: " + src.dataType().gdalName());
        if (src.geometry().isPresent()) {
            GridGeometry g = src.geometry().get();
            GeoTransform c = g.toCrs().toCorner();
            out.println(
                    String.format(
                            Locale.ROOT,
                            "GeoTransform (corner): [%.10g, %.10g, %.10g, %.10g, %.10g, %.10g]",
                            c.x0(),
                            c.dxCol(),
                            c.dxRow(),
                            c.y0(),
                            c.dyCol(),
                            c.dyRow()));
            out.println("Pixel anchor in file: " + g.toCrs().anchor());
            double[] e = g.extent();
            out.println(
                    String.format(
                            Locale.ROOT,
                            "Extent: x [%.6f, %.6f]  y [%.6f, %.6f]",
                            e[0],
                            e[2],
                            e[1],
                            e[3]));
            out.println("CRS: " + (g.crs() == null ? "(unknown)" : oneLine(g.crs().toString())));
        } else {
            out.println("GeoTransform: (none)");
            out.println("CRS: (none)");
        }
        out.println(
                "NoData: "
                        + (src.noData().isPresent() ? fmt(src.noData().getAsDouble()) : "(none)"));
        for (Map.Entry<String, String> m : new java.util.TreeMap<>(src.metadata()).entrySet()) {
            out.println("Metadata: " + m.getKey() + "=" + oneLine(m.getValue()));
        }
        if (noStats) {
            return;
        }
        double noData = src.noData().isPresent() ? src.noData().getAsDouble() : Double.NaN;
        BandStatistics.Accumulator[] acc = new BandStatistics.Accumulator[src.numBands()];
        for (int b = 0; b < acc.length; b++) {
            acc[b] = new BandStatistics.Accumulator(noData);
        }
        CliProgress progress = new CliProgress();
        progress.start("statistics", src.height());
        for (int y0 = 0; y0 < src.height(); y0 += blockRows) {
            int h = Math.min(blockRows, src.height() - y0);
            for (int b = 0; b < acc.length; b++) {
                acc[b].add(src.readBand(b, 0, y0, src.width(), h));
            }
            progress.advance(h);
        }
        progress.finish(null);
        for (int b = 0; b < acc.length; b++) {
            BandStatistics s = acc[b].result();
            out.println(
                    String.format(
                            Locale.ROOT,
                            "Band %d: min=%s max=%s mean=%s stddev=%s valid=%d%s",
                            b + 1,
                            fmt(s.min()),
                            fmt(s.max()),
                            fmt(s.mean()),
                            fmt(s.stdDev()),
                            s.validCount(),
                            src.dataType().isComplex() ? " (of magnitude)" : ""));
        }
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s*\\n\\s*", " ");
        return t.length() > 300 ? t.substring(0, 297) + "..." : t;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.6g", v);
    }
}
