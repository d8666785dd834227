package dev.surveyor.bench;

import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.io.tiff.GeoTiffReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times a full read and a 1024x1024 window read of a GeoTIFF with {@link GeoTiffReader}, and the
 * same reads with GDAL ({@code /usr/bin/python3} + osgeo.gdal {@code ReadAsArray}, timed inside
 * python so that interpreter start-up is excluded), and prints a table with the ratios. Each timing
 * is the best of {@code repeats} runs after one warm-up; every run opens the file afresh.
 * Wall-clock and process CPU times are both reported: on a loaded machine the CPU time is the
 * fairer comparison (our reader decodes blocks on several threads, GDAL on one).
 *
 * <p>Usage: {@code BenchmarkGeoTiffRead FILE [repeats=5]}
 */
public final class BenchmarkGeoTiffRead {
    private BenchmarkGeoTiffRead() {}

    private static final String GDAL_SCRIPT =
            String.join(
                    "\n",
                    "import sys, time",
                    "from osgeo import gdal",
                    "gdal.UseExceptions()",
                    "f, n = sys.argv[1], int(sys.argv[2])",
                    "def best(fn):",
                    "    fn()",
                    "    t = []; c = []",
                    "    for _ in range(n):",
                    "        t0 = time.perf_counter(); c0 = time.process_time(); fn()",
                    "        t.append(time.perf_counter() - t0); c.append(time.process_time() - c0)",
                    "    return '%.6f %.6f' % (min(t), min(c))",
                    "def full():",
                    "    ds = gdal.Open(f); a = ds.GetRasterBand(1).ReadAsArray(); ds = None",
                    "def win():",
                    "    ds = gdal.Open(f); b = ds.GetRasterBand(1)",
                    "    x = (ds.RasterXSize - 1024) // 2; y = (ds.RasterYSize - 1024) // 2",
                    "    a = b.ReadAsArray(x, y, 1024, 1024); ds = None",
                    "gdal.SetCacheMax(64 * 1024 * 1024)",
                    "print(best(full), best(win))");

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: BenchmarkGeoTiffRead FILE [repeats]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int w;
        int h;
        String layout;
        try (GeoTiffReader r = GeoTiffReader.open(file)) {
            w = r.width();
            h = r.height();
            layout =
                    r.dataType().gdalName()
                            + " "
                            + r.metadata().get("COMPRESSION")
                            + " predictor "
                            + r.metadata().get("PREDICTOR")
                            + " "
                            + r.metadata().get("LAYOUT")
                            + " "
                            + r.metadata().get("BLOCK_SIZE");
        }
        int x0 = (w - 1024) / 2;
        int y0 = (h - 1024) / 2;
        double[] oursFull =
                best(
                        repeats,
                        () -> {
                            try (GeoTiffReader r = GeoTiffReader.open(file)) {
                                RasterDataset d = r.readAll();
                                sink += d.band(0).getDouble(w / 2, h / 2);
                            }
                        });
        double[] oursWin =
                best(
                        repeats,
                        () -> {
                            try (GeoTiffReader r = GeoTiffReader.open(file)) {
                                MultiBandRaster m = r.readWindow(x0, y0, 1024, 1024);
                                sink += m.band(0).getDouble(5, 5);
                            }
                        });
        double[] gdal = gdalTimes(file, repeats);
        System.out.printf(
                Locale.ROOT,
                "file: %s (%dx%d, %s), %d cores, best of %d%n",
                file.getFileName(),
                w,
                h,
                layout,
                Runtime.getRuntime().availableProcessors(),
                repeats);
        System.out.printf(
                Locale.ROOT,
                "%-22s %12s %12s %8s %14s %12s %8s%n",
                "read",
                "surveyor ms",
                "GDAL ms",
                "ratio",
                "surveyor cpu",
                "GDAL cpu",
                "ratio");
        row("full " + w + "x" + h, oursFull, gdal[0], gdal[1]);
        row("window 1024x1024", oursWin, gdal[2], gdal[3]);
        double pixelShare = 1024.0 * 1024.0 / ((double) w * h);
        System.out.printf(
                Locale.ROOT,
                "window/full time: %.4f (window/full pixels: %.4f)%n",
                oursWin[0] / oursFull[0],
                pixelShare);
    }

    /** Keeps results alive so the JIT cannot drop the reads. */
    static volatile double sink;

    interface Run {
        void run() throws IOException;
    }

    /** Best wall-clock and best process CPU seconds of {@code n} runs after one warm-up. */
    private static double[] best(int n, Run r) throws IOException {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        r.run();
        double[] t = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e9;
            c[i] = (os.getProcessCpuTime() - c0) / 1e9;
        }
        return new double[] {
            Arrays.stream(t).min().orElseThrow(), Arrays.stream(c).min().orElseThrow()
        };
    }

    private static void row(String name, double[] ours, double gdalWall, double gdalCpu) {
        System.out.printf(
                Locale.ROOT,
                "%-22s %12.1f %12.1f %8.2f %14.1f %12.1f %8.2f%n",
                name,
                ours[0] * 1e3,
                gdalWall * 1e3,
                ours[0] / gdalWall,
                ours[1] * 1e3,
                gdalCpu * 1e3,
                ours[1] / gdalCpu);
    }

    private static double[] gdalTimes(Path file, int repeats)
            throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder(
                                "/usr/bin/python3",
                                "-c",
                                GDAL_SCRIPT,
                                file.toString(),
                                String.valueOf(repeats))
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            System.err.println("GDAL timing failed: " + out);
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        String[] s = out.split("\\s+");
        int k = s.length - 4;
        return new double[] {
            Double.parseDouble(s[k]),
            Double.parseDouble(s[k + 1]),
            Double.parseDouble(s[k + 2]),
            Double.parseDouble(s[k + 3])
        };
    }
}
