package dev.surveyor.insar.coreg;

import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.testkit.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tiny private readers for the real SLC crops in {@code ../shared/data/insar} (the shared I/O
 * readers were being written concurrently); each call skips the test when the data is absent.
 */
final class RealSlcs {
    private RealSlcs() {}

    /** The isce3 Envisat crop: 500 x 500 complex64, little-endian, headerless. */
    static RasterC64 envisat() throws IOException {
        Path p = SharedData.require("insar/envisat-slc/tests/data/warped_envisat.slc");
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        int w = 500;
        int h = 500;
        if (b.capacity() != 8 * w * h) {
            throw new IOException(p + ": expected " + 8 * w * h + " bytes, got " + b.capacity());
        }
        float[] d = new float[2 * w * h];
        b.asFloatBuffer().get(d);
        return new RasterC64(d, w, h, 0, w);
    }

    /**
     * One SNAP-coregistered Sentinel-1 crop of the Amsterdam pair: 84 rows x 338 columns, i + j q
     * from big-endian float32 zarr chunks.
     *
     * @param date {@code 19Mar2023} or {@code 31Mar2023}
     */
    static RasterC64 amsterdam(String date) throws IOException {
        String folder = date.startsWith("19") ? "20230319-coreg.znap" : "20230331-coreg.znap";
        Path root = SharedData.require("insar/amsterdam-s1-pair/tests/data/zarrs/" + folder);
        float[] i = readBigEndian(root.resolve("i_VV_" + date).resolve("0.0"), 84 * 338);
        float[] q = readBigEndian(root.resolve("q_VV_" + date).resolve("0.0"), 84 * 338);
        float[] d = new float[2 * i.length];
        for (int k = 0; k < i.length; k++) {
            d[2 * k] = i[k];
            d[2 * k + 1] = q[k];
        }
        return new RasterC64(d, 338, 84, 0, 338);
    }

    private static float[] readBigEndian(Path p, int n) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        if (bytes.length != 4 * n) {
            throw new IOException(p + ": expected " + 4 * n + " bytes, got " + bytes.length);
        }
        float[] out = new float[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
