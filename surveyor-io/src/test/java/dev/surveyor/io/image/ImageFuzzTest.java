package dev.surveyor.io.image;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.io.raw.Patterns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomly mutated PNG and PGM files either decode or fail with a {@link RasterFormatException}
 * naming the file: never another exception, never a hang. The seed is in the failure message.
 */
class ImageFuzzTest {
    @TempDir Path dir;

    interface Decoder {
        RasterDataset read(Path p) throws IOException;
    }

    @Test
    void mutatedPngAndPgmGiveOnlyCleanErrors() throws IOException {
        Path png = dir.resolve("seed.png");
        PngWriter.write(RasterDataset.of(Patterns.random(DataType.UINT16, 40, 30, 3, 1)), png);
        Path pgm = dir.resolve("seed.pgm");
        PgmWriter.write(RasterDataset.of(Patterns.random(DataType.UINT8, 40, 30, 1, 1)), pgm);
        fuzz(png, PngReader::read, 150);
        fuzz(pgm, PgmReader::read, 300);
    }

    private void fuzz(Path seedFile, Decoder decoder, int rounds) throws IOException {
        byte[] original = Files.readAllBytes(seedFile);
        long seed = 20261121L;
        Random rnd = new Random(seed);
        Path f = dir.resolve("mutant" + seedFile.getFileName());
        for (int i = 0; i < rounds; i++) {
            byte[] b = original.clone();
            int kind = rnd.nextInt(3);
            if (kind == 0) {
                // flip bytes, mostly in the header where the structure is
                for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                    int pos = rnd.nextInt(Math.min(b.length, rnd.nextBoolean() ? 64 : b.length));
                    b[pos] = (byte) rnd.nextInt(256);
                }
            } else if (kind == 1) {
                b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
            } else {
                int pos = rnd.nextInt(Math.min(b.length, 40));
                b[pos] = (byte) "0123456789 #\n-".charAt(rnd.nextInt(14));
            }
            Files.write(f, b);
            try {
                decoder.read(f);
            } catch (RasterFormatException e) {
                assertTrue(
                        e.getMessage().startsWith(f.getFileName() + ": "),
                        "seed " + seed + " round " + i + ": " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                throw new AssertionError(
                        "seed "
                                + seed
                                + " round "
                                + i
                                + " ("
                                + seedFile.getFileName()
                                + "): unclean "
                                + e,
                        e);
            }
        }
    }
}
