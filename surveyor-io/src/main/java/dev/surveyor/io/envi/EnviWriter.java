package dev.surveyor.io.envi;

import dev.surveyor.core.geo.Crs;
import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.io.raw.RawLayout;
import dev.surveyor.io.raw.RawWriter;
import dev.surveyor.io.raw.SampleFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes ENVI rasters: a data file and its {@code .hdr} header ({@code x.img} gets {@code x.hdr}; a
 * data file without extension {@code x} gets {@code x.hdr}).
 *
 * <p>Samples are written in their natural type ({@link SampleFormat#natural}): uint8 (1), int16
 * (2), uint16 (12), float32 (4), complex64 (6). The geometry goes to {@code map info} (reference
 * pixel (1, 1) = top-left corner, see {@link EnviMapInfo}); the CRS's WKT to {@code coordinate
 * system string}; an EPSG code that {@code map info} cannot name and that has no WKT is kept in the
 * extra key {@code surveyor epsg} (GDAL ignores it); no-data to {@code data ignore value}.
 *
 * <p>Atomicity: both files are first written completely to temporary files in the target folder;
 * then the data file is renamed into place, then the header. If renaming the header fails the new
 * data file is deleted, so a failure never leaves a data file beside a header that does not
 * describe it (an older data file of the same name is then gone too).
 */
public final class EnviWriter {
    private EnviWriter() {}

    /** Writes with {@link EnviWriteOptions#defaults()}. */
    public static void write(RasterDataset ds, Path dataFile) throws IOException {
        write(ds, dataFile, EnviWriteOptions.defaults());
    }

    /**
     * Writes {@code ds} to {@code dataFile} and its header.
     *
     * @param ds (Input) the raster. Not modified.
     * @throws IllegalArgumentException when {@code dataFile} ends with {@code .hdr}, the band names
     *     do not match the band count, or the geotransform cannot be expressed in {@code map info}
     */
    public static void write(RasterDataset ds, Path dataFile, EnviWriteOptions options)
            throws IOException {
        if (EnviReader.isHeaderName(dataFile)) {
            throw new IllegalArgumentException(
                    dataFile + ": give the data file name (e.g. x.img), not the header");
        }
        Path header = headerPath(dataFile);
        RawLayout layout =
                new RawLayout(
                        ds.width(),
                        ds.height(),
                        ds.numBands(),
                        SampleFormat.natural(ds.dataType()),
                        options.byteOrder(),
                        options.interleave(),
                        0);
        String text = headerText(ds, layout, options, dataFile.getFileName().toString());
        Path dir = dataFile.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmpData = Files.createTempFile(dir, "." + dataFile.getFileName() + ".", ".tmp");
        Path tmpHeader = null;
        try {
            try (OutputStream out =
                    new BufferedOutputStream(Files.newOutputStream(tmpData), 1 << 16)) {
                RawWriter.writeTo(ds.raster(), layout, out);
            }
            tmpHeader = Files.createTempFile(dir, "." + header.getFileName() + ".", ".tmp");
            Files.writeString(tmpHeader, text, StandardCharsets.ISO_8859_1);
            move(tmpData, dataFile);
            try {
                move(tmpHeader, header);
            } catch (IOException e) {
                Files.deleteIfExists(dataFile);
                throw e;
            }
        } finally {
            Files.deleteIfExists(tmpData);
            if (tmpHeader != null) {
                Files.deleteIfExists(tmpHeader);
            }
        }
    }

    /**
     * The header path for a data file: extension replaced by {@code .hdr}, or {@code .hdr} added.
     */
    public static Path headerPath(Path dataFile) {
        String name = dataFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return dataFile.resolveSibling(base + ".hdr");
    }

    static String headerText(
            RasterDataset ds, RawLayout layout, EnviWriteOptions options, String description) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("description", description.replace("{", "(").replace("}", ")"));
        e.put("samples", Integer.toString(layout.width()));
        e.put("lines", Integer.toString(layout.height()));
        e.put("bands", Integer.toString(layout.bands()));
        e.put("header offset", "0");
        e.put("file type", "ENVI Standard");
        e.put("data type", Integer.toString(EnviHeader.typeCode(layout.format())));
        e.put("interleave", layout.interleave().name().toLowerCase(Locale.ROOT));
        e.put("byte order", layout.byteOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? "0" : "1");
        GridGeometry g = ds.geometry();
        if (g != null) {
            String mapInfo = EnviMapInfo.format(g);
            e.put("map info", mapInfo);
            Crs crs = g.crs();
            if (crs != null && crs.wkt() != null) {
                e.put("coordinate system string", crs.wkt().replace('\n', ' '));
            } else if (crs != null && crs.hasEpsg() && mapInfo.startsWith("Arbitrary")) {
                e.put("surveyor epsg", Integer.toString(crs.epsg()));
            }
        }
        List<String> names = bandNames(ds, options);
        if (!names.isEmpty()) {
            e.put("band names", "\n" + String.join(",\n", names));
        }
        if (ds.noData().isPresent()) {
            double v = ds.noData().getAsDouble();
            e.put("data ignore value", Double.isNaN(v) ? "nan" : EnviMapInfo.num(v));
        }
        return EnviHeader.format(
                e, Set.of("description", "map info", "coordinate system string", "band names"));
    }

    private static List<String> bandNames(RasterDataset ds, EnviWriteOptions options) {
        List<String> names = options.bandNames();
        if (!names.isEmpty()) {
            if (names.size() != ds.numBands()) {
                throw new IllegalArgumentException(
                        names.size() + " band names given for " + ds.numBands() + " bands");
            }
            return names;
        }
        String meta = ds.metadata().get("band names");
        if (meta != null) {
            String[] parts = meta.split(",", -1);
            if (parts.length == ds.numBands()) {
                return java.util.Arrays.stream(parts).map(String::trim).toList();
            }
        }
        return List.of();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(
                    from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
