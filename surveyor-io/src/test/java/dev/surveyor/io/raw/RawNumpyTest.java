package dev.surveyor.io.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.testkit.ExternalTools;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * numpy is the independent reference for the raw layouts: it writes every on-disk type (including
 * CInt16, CInt32, int64 and complex128) in BSQ/BIL/BIP and both byte orders from a seeded array,
 * and dumps the same values as float64; we read the files and compare every sample.
 */
class RawNumpyTest {
    @TempDir static Path dir;

    static final int W = 11;
    static final int H = 7;
    static final int B = 3;

    static final String[][] TYPES = {
        {"UINT8", "u1"},
        {"INT16", "i2"},
        {"UINT16", "u2"},
        {"INT32", "i4"},
        {"UINT32", "u4"},
        {"INT64", "i8"},
        {"UINT64", "u8"},
        {"FLOAT32", "f4"},
        {"FLOAT64", "f8"},
        {"CINT16", "i2"},
        {"CINT32", "i4"},
        {"CFLOAT32", "f4"},
        {"CFLOAT64", "f8"}
    };

    static final String SCRIPT =
            """
            import sys, numpy as np
            out, W, H, B = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
            types = [t.split(':') for t in sys.argv[5].split(',')]
            rng = np.random.default_rng(11)
            for name, code in types:
                cplx = name.startswith('C')
                dt = np.dtype(code)
                if dt.kind in 'iu':
                    info = np.iinfo(dt)
                    lo, hi = max(info.min, -2**40), min(info.max, 2**40)
                    v = rng.integers(lo, hi, size=(B, H, W, 2 if cplx else 1), endpoint=True).astype(dt)
                    v.flat[0] = info.min if dt.kind == 'i' else 0
                    v.flat[1] = min(info.max, 2**24) if dt.itemsize >= 4 else info.max
                else:
                    v = (rng.standard_normal((B, H, W, 2 if cplx else 1)) * 1000).astype(dt)
                    v.flat[0] = np.nan
                v.astype('<f8').tofile(f'{out}/{name}.ref')
                for il, axes in (('BSQ', (0, 1, 2, 3)), ('BIL', (1, 0, 2, 3)), ('BIP', (1, 2, 0, 3))):
                    a = np.ascontiguousarray(v.transpose(axes))
                    for bo in '<>':
                        a.astype(dt.newbyteorder(bo)).tofile(f'{out}/{name}-{il}-{bo}.bin')
            """;

    @BeforeAll
    static void makeFixtures() {
        ExternalTools.requirePython("numpy");
        StringBuilder t = new StringBuilder();
        for (String[] s : TYPES) {
            t.append(t.length() == 0 ? "" : ",").append(s[0]).append(':').append(s[1]);
        }
        ExternalTools.check(
                ExternalTools.PYTHON,
                "-c",
                SCRIPT,
                dir.toString(),
                "" + W,
                "" + H,
                "" + B,
                t.toString());
    }

    @Test
    void everyTypeInterleaveAndByteOrderMatchesNumpy() throws IOException {
        for (String[] s : TYPES) {
            SampleFormat f = SampleFormat.valueOf(s[0]);
            double[] ref = Patterns.readDump(dir.resolve(s[0] + ".ref"));
            // wide integers and float64 are rounded to float32 on reading
            double rtol =
                    f.memoryType() == DataType.FLOAT32 && f != SampleFormat.FLOAT32 ? 6e-8 : 0;
            if (f == SampleFormat.CINT32 || f == SampleFormat.CFLOAT64) {
                rtol = 6e-8;
            }
            for (Interleave il : Interleave.values()) {
                for (String bo : new String[] {"<", ">"}) {
                    ByteOrder order =
                            bo.equals("<") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                    RawLayout layout = new RawLayout(W, H, B, f, order, il, 0);
                    Path file = dir.resolve(s[0] + "-" + il + "-" + bo + ".bin");
                    try (RawRasterSource src = RawReader.open(file, layout)) {
                        assertEquals(f.memoryType(), src.dataType());
                        MultiBandRaster m = src.readWindow(0, 0, W, H);
                        for (int b = 0; b < B; b++) {
                            Patterns.assertMatchesDump(
                                    String.format(Locale.ROOT, "%s %s %s band %d", f, il, order, b),
                                    m.band(b),
                                    b,
                                    ref,
                                    rtol);
                        }
                    }
                }
            }
        }
    }
}
