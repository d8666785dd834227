package dev.surveyor.io.tiff;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.io.tiff.GeoTiffWriteOptions.Compression;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomized robustness: valid TIFFs in several layouts are mutated (flipped bytes in the directory
 * and in the data, truncation, extreme tag values and counts; fixed seed) and read. Every read must
 * succeed or fail with {@link RasterFormatException} / {@link IllegalArgumentException} within a
 * time bound: no other exception, no hang.
 */
class GeoTiffMutationTest {
    @TempDir Path dir;

    static final long[] EXTREMES = {
        0, 1, 2, 3, 7, 8, 16, 255, 0xFFFF, 0x7FFFFFFFL, 0xFFFFFFFFL, 1L << 40, -1
    };

    List<byte[]> seeds() throws IOException {
        List<byte[]> out = new ArrayList<>();
        Object[][] configs = {
            {DataType.UINT16, Compression.LZW, 2, false, false, false},
            {DataType.FLOAT32, Compression.DEFLATE, 3, true, true, false},
            {DataType.UINT8, Compression.PACKBITS, 1, true, false, true},
            {DataType.COMPLEX64, Compression.NONE, 1, false, true, false},
            {DataType.INT16, Compression.DEFLATE, 2, true, false, true},
        };
        int k = 0;
        for (Object[] c : configs) {
            GeoTiffWriteOptions o =
                    new GeoTiffWriteOptions().compression((Compression) c[1], (Integer) c[2]);
            if ((Boolean) c[3]) {
                o.tiles(16, 16);
            } else {
                o.rowsPerStrip = 5;
            }
            o.planar = (Boolean) c[4];
            o.bigEndian = (Boolean) c[5];
            o.bigTiff =
                    k % 2 == 1 ? GeoTiffWriteOptions.BigTiff.YES : GeoTiffWriteOptions.BigTiff.NO;
            if (c[0] == DataType.COMPLEX64 && k == 3) {
                o.complexInt16 = true;
            }
            Path f = dir.resolve("seed" + k++ + ".tif");
            GeoTiffWriter.write(
                    RasterDataset.of(TestRasters.create((DataType) c[0], 37, 29, 2, k)), f, o);
            out.add(Files.readAllBytes(f));
        }
        return out;
    }

    @Test
    void mutatedFilesGiveOnlyCleanErrors() throws IOException {
        List<byte[]> seeds = seeds();
        Random rnd = new Random(20261121L);
        int ok = 0;
        int clean = 0;
        for (int m = 0; m < 1000; m++) {
            byte[] src = seeds.get(m % seeds.size());
            byte[] b = src.clone();
            TiffBytes t = new TiffBytes(b);
            String what;
            switch (rnd.nextInt(5)) {
                case 0 -> { // flip bytes in the directory
                    int n = 1 + rnd.nextInt(4);
                    int start = (int) t.ifd;
                    for (int i = 0; i < n; i++) {
                        int p = start + rnd.nextInt(b.length - start);
                        b[p] ^= (byte) (1 << rnd.nextInt(8));
                    }
                    what = "flip " + n + " directory bytes";
                }
                case 1 -> { // flip bytes anywhere
                    int n = 1 + rnd.nextInt(16);
                    for (int i = 0; i < n; i++) {
                        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                    }
                    what = "randomize " + n + " bytes";
                }
                case 2 -> { // truncate
                    int len = rnd.nextInt(b.length);
                    b = Arrays.copyOf(b, len);
                    what = "truncate to " + len;
                }
                case 3 -> { // extreme value in an entry
                    int i = rnd.nextInt(t.entryCount());
                    long v = EXTREMES[rnd.nextInt(EXTREMES.length)];
                    putField(t, t.valuePos(i), v);
                    what = "tag " + t.tagAt(i) + " value := " + v;
                }
                default -> { // extreme count or type in an entry
                    int i = rnd.nextInt(t.entryCount());
                    long v = EXTREMES[rnd.nextInt(EXTREMES.length)];
                    if (rnd.nextBoolean()) {
                        putField(t, t.countPos(i), v);
                        what = "tag " + t.tagAt(i) + " count := " + v;
                    } else {
                        t.bb.putShort(t.entryPos(i) + 2, (short) (1 + rnd.nextInt(18)));
                        what = "tag " + t.tagAt(i) + " type changed";
                    }
                }
            }
            Path f = dir.resolve("m" + m + ".tif");
            Files.write(f, b);
            String desc = "mutation " + m + " (" + what + ")";
            Boolean r =
                    assertTimeoutPreemptively(
                            Duration.ofSeconds(10),
                            () -> {
                                try (GeoTiffReader rd = GeoTiffReader.open(f)) {
                                    rd.readAll();
                                    rd.geometry().map(GridGeometry::crs);
                                    rd.readWindow(
                                            rd.width() / 3,
                                            rd.height() / 4,
                                            rd.width() / 2,
                                            rd.height() / 2);
                                    return true;
                                } catch (RasterFormatException | IllegalArgumentException e) {
                                    assertTrue(
                                            e.getMessage() != null && !e.getMessage().isBlank(),
                                            desc);
                                    return false;
                                } catch (Throwable e) {
                                    fail(desc + " threw " + e, e);
                                    return null;
                                }
                            },
                            desc);
            if (r) {
                ok++;
            } else {
                clean++;
            }
            Files.delete(f);
        }
        System.out.println("GeoTIFF mutations: " + ok + " read, " + clean + " clean errors");
        // the mutations must exercise both outcomes
        assertTrue(ok > 20 && clean > 100, "ok=" + ok + " clean=" + clean);
    }

    private static void putField(TiffBytes t, int pos, long v) {
        ByteBuffer bb = t.bb;
        if (t.big) {
            bb.putLong(pos, v);
        } else {
            bb.putInt(pos, (int) v);
        }
    }
}
