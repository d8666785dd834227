package dev.surveyor.io.envi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surveyor.core.geo.Crs;
import dev.surveyor.core.geo.GeoTransform;
import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.io.raw.Interleave;
import dev.surveyor.io.raw.Patterns;
import dev.surveyor.io.raw.RawRasterSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomly mutated ENVI headers either open (and then read without error) or fail with a {@link
 * RasterFormatException} naming the header or data file; never another exception.
 */
class EnviFuzzTest {
    @TempDir Path dir;

    @Test
    void mutatedHeadersGiveOnlyCleanErrors() throws IOException {
        RasterDataset ds =
                new RasterDataset(
                        Patterns.random(DataType.INT16, 12, 8, 3, 1),
                        new GridGeometry(
                                12,
                                8,
                                GeoTransform.northUp(500000, 4600000, 30, 30),
                                Crs.epsg(32633)),
                        OptionalDouble.of(-1),
                        Map.of());
        Path data = dir.resolve("f.img");
        EnviWriter.write(
                ds,
                data,
                EnviWriteOptions.defaults()
                        .withInterleave(Interleave.BIP)
                        .withBandNames(List.of("a", "b", "c")));
        Path hdr = dir.resolve("f.hdr");
        String original = Files.readString(hdr, StandardCharsets.ISO_8859_1);
        long seed = 99L;
        Random rnd = new Random(seed);
        String alphabet = "0123456789 ,={}-.\nENVIabsqlipx";
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder(original);
            for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
                int pos = rnd.nextInt(sb.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> sb.setCharAt(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    case 1 -> sb.deleteCharAt(pos);
                    default -> sb.insert(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            }
            Files.writeString(hdr, sb, StandardCharsets.ISO_8859_1);
            try (RawRasterSource src = EnviReader.open(data)) {
                src.readWindow(0, 0, src.width(), src.height());
            } catch (RasterFormatException e) {
                assertTrue(
                        e.getMessage().startsWith("f.hdr: ")
                                || e.getMessage().startsWith("f.img: "),
                        "seed " + seed + " round " + i + ": " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                throw new AssertionError(
                        "seed " + seed + " round " + i + ": unclean " + e + "\n" + sb, e);
            }
        }
    }
}
