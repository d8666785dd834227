package dev.surveyor.io.raw;

import static dev.surveyor.testkit.RasterAsserts.assertRasterEquals;

import dev.surveyor.core.raster.Raster;
import dev.surveyor.testkit.ExternalTools;
import dev.surveyor.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sentinel-1 Houston crop ({@code shared/data/insar/houston-s1-crop}): 128x128 little-endian
 * float32 amplitudes and complex64 interferograms without header. numpy's {@code np.fromfile} is
 * the reference; every pixel is compared.
 */
class HoustonRawTest {
    @TempDir Path tmp;

    static final String SCRIPT =
            """
            import sys, numpy as np
            src, dtype, out = sys.argv[1], sys.argv[2], sys.argv[3]
            a = np.fromfile(src, dtype=dtype)
            if a.dtype.kind == 'c':
                a = np.stack([a.real, a.imag], axis=-1)
            a.astype('<f8').tofile(out)
            """;

    @Test
    void amplitudeAndInterferogramMatchNumpy() throws IOException {
        Path root = SharedData.require("insar/houston-s1-crop");
        ExternalTools.requirePython("numpy");
        Path amp = root.resolve("amplitude/20170201.amp");
        Path ifg = root.resolve("igrams/20170201_20180115.int");
        int n = (int) Math.round(Math.sqrt(Files.size(amp) / 4.0)); // square crop: 128 x 128
        check(amp, "<f4", RawLayout.of(n, n, SampleFormat.FLOAT32));
        check(ifg, "<c8", RawLayout.of(n, n, SampleFormat.CFLOAT32));
    }

    private void check(Path file, String dtype, RawLayout layout) throws IOException {
        Path ref = tmp.resolve(file.getFileName() + ".ref");
        ExternalTools.check(
                ExternalTools.PYTHON, "-c", SCRIPT, file.toString(), dtype, ref.toString());
        double[] dump = Patterns.readDump(ref);
        try (RawRasterSource src = RawReader.open(file, layout)) {
            Raster all = src.readBand(0, 0, 0, layout.width(), layout.height());
            Patterns.assertMatchesDump(file.getFileName().toString(), all, 0, dump, 0);
            assertRasterEquals(all.subView(17, 29, 64, 50), src.readBand(0, 17, 29, 64, 50), 0, 0);
        }
    }
}
