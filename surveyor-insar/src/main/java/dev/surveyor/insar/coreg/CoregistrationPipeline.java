package dev.surveyor.insar.coreg;

import dev.surveyor.core.geo.GridGeometry;
import dev.surveyor.core.raster.MultiBandRaster;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.RasterDataset;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.core.util.ProgressListener;
import dev.surveyor.insar.stack.Acquisition;
import dev.surveyor.insar.stack.StackManifest;
import dev.surveyor.insar.stack.StackReader;
import dev.surveyor.insar.stack.StackType;
import dev.surveyor.io.AtomicFiles;
import dev.surveyor.io.RasterIO;
import dev.surveyor.io.RasterSource;
import dev.surveyor.io.raw.RawLayout;
import dev.surveyor.io.raw.SampleFormat;
import dev.surveyor.io.tiff.GeoTiffWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Co-registers every SLC of a stack manifest onto its reference date and writes the result.
 *
 * <p>Outputs in the target folder: {@code slc/YYYYMMDD.tif} (CFloat32 GeoTIFF on the reference
 * grid, the reference copied unchanged, NaN where the resampling kernel leaves the secondary),
 * {@code offsets.csv} ({@code date,dx_px,dy_px,matches,residual_px,patches,model}, one row per
 * date, the reference with zeros), {@code matches.csv} ({@code
 * date,ref_x,ref_y,sec_x,sec_y,distance}: the distance-filtered feature matches, for plots) and
 * {@code stack.json} (the manifest of the co-registered stack, same sensor, baselines and reference
 * date). Every file is written atomically.
 *
 * <p>When the manifest names no reference date, the date with the smallest mean absolute temporal
 * baseline to the others is used (the paper's temporal criterion). Whole images are held in memory
 * (two SLCs plus one output at a time).
 */
public final class CoregistrationPipeline {
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

    private final Coregistrator coregistrator;

    /** A pipeline with the given settings ({@code null} = defaults). */
    public CoregistrationPipeline(ConfigCoregistration config) {
        this.coregistrator = FactoryCoregistration.coregistrator(config);
    }

    /**
     * Runs on a manifest.
     *
     * @param manifest (Input) an {@code slc} stack. Not modified.
     * @param outDir output folder, created when missing
     * @param progress progress of the dates
     * @throws IllegalArgumentException when the stack is not of type {@code slc}
     * @throws IOException naming the file when a file cannot be read or written
     */
    public CoregistrationRun run(StackManifest manifest, Path outDir, ProgressListener progress)
            throws IOException {
        if (manifest.type() != StackType.SLC) {
            throw new IllegalArgumentException(
                    manifest.path().getFileName()
                            + ": co-registration needs an 'slc' stack, got '"
                            + manifest.type().jsonName()
                            + "'");
        }
        LocalDate ref = manifest.reference().orElseGet(() -> temporalReference(manifest.dates()));
        Acquisition refAcq =
                manifest.acquisitions().stream()
                        .filter(a -> a.date().equals(ref))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                manifest.path().getFileName()
                                                        + ": reference_date "
                                                        + ref
                                                        + " is not one of the acquisitions"));
        checkFiles(manifest);
        Files.createDirectories(outDir.resolve("slc"));
        progress.start(
                "co-registering " + manifest.acquisitions().size() + " SLCs",
                manifest.acquisitions().size());
        Loaded reference = load(manifest, refAcq);
        List<DateOffsets> offsets = new ArrayList<>();
        List<List<MatchedPoint>> matches = new ArrayList<>();
        List<Acquisition> outAcq = new ArrayList<>();
        for (Acquisition a : manifest.acquisitions()) {
            Path target = outDir.resolve("slc").resolve(a.date().format(COMPACT) + ".tif");
            if (a.date().equals(ref)) {
                write(reference.slc, reference.geometry, target);
                offsets.add(DateOffsets.reference(ref));
                matches.add(List.of());
            } else {
                Loaded sec = load(manifest, a);
                if (sec.slc.width() != reference.slc.width()
                        || sec.slc.height() != reference.slc.height()) {
                    throw new RasterFormatException(
                            manifest.path(),
                            "acquisition "
                                    + a.date()
                                    + ": "
                                    + a.file().getFileName()
                                    + " is "
                                    + sec.slc.width()
                                    + "x"
                                    + sec.slc.height()
                                    + " but the reference is "
                                    + reference.slc.width()
                                    + "x"
                                    + reference.slc.height());
                }
                PairCoregistration p;
                try {
                    p = coregistrator.estimate(reference.slc, sec.slc);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "acquisition "
                                    + a.date()
                                    + " ("
                                    + a.file().getFileName()
                                    + "): "
                                    + e.getMessage(),
                            e);
                }
                write(coregistrator.resample(sec.slc, p), reference.geometry, target);
                offsets.add(
                        new DateOffsets(
                                a.date(),
                                p.dxPx(),
                                p.dyPx(),
                                p.matches(),
                                p.residualPx(),
                                p.fit().numInliers(),
                                p.model()));
                matches.add(p.coarse().points());
            }
            outAcq.add(
                    new Acquisition(
                            a.date(),
                            a.bperpM(),
                            target.toAbsolutePath().normalize(),
                            null,
                            false));
            progress.advance(1);
        }
        AtomicFiles.writeString(outDir.resolve("offsets.csv"), offsetsCsv(offsets));
        AtomicFiles.writeString(outDir.resolve("matches.csv"), matchesCsv(offsets, matches));
        Path manifestOut = outDir.resolve("stack.json").toAbsolutePath().normalize();
        StackManifest out =
                new StackManifest(manifestOut, manifest.sensor(), StackType.SLC, ref, outAcq, null);
        AtomicFiles.writeString(manifestOut, out.toJson(manifestOut));
        progress.finish("co-registered " + (offsets.size() - 1) + " SLCs onto " + ref);
        return new CoregistrationRun(ref, offsets, matches, manifestOut);
    }

    /** The date with the smallest mean absolute temporal baseline to the others (first on ties). */
    static LocalDate temporalReference(List<LocalDate> dates) {
        LocalDate best = dates.get(0);
        double bestScore = Double.POSITIVE_INFINITY;
        for (LocalDate d : dates) {
            double s = 0;
            for (LocalDate e : dates) {
                s += Math.abs(ChronoUnit.DAYS.between(d, e));
            }
            if (s < bestScore) {
                bestScore = s;
                best = d;
            }
        }
        return best;
    }

    static String offsetsCsv(List<DateOffsets> offsets) {
        StringBuilder sb =
                new StringBuilder("date,dx_px,dy_px,matches,residual_px,patches,model\n");
        for (DateOffsets o : offsets) {
            sb.append(o.date())
                    .append(',')
                    .append(fmt(o.dxPx()))
                    .append(',')
                    .append(fmt(o.dyPx()))
                    .append(',')
                    .append(o.matches())
                    .append(',')
                    .append(fmt(o.residualPx()))
                    .append(',')
                    .append(o.patches())
                    .append(',')
                    .append(o.model().type().name().toLowerCase(Locale.ROOT))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String matchesCsv(List<DateOffsets> offsets, List<List<MatchedPoint>> matches) {
        StringBuilder sb = new StringBuilder("date,ref_x,ref_y,sec_x,sec_y,distance\n");
        for (int i = 0; i < offsets.size(); i++) {
            for (MatchedPoint m : matches.get(i)) {
                sb.append(offsets.get(i).date())
                        .append(',')
                        .append(fmt(m.refXPx()))
                        .append(',')
                        .append(fmt(m.refYPx()))
                        .append(',')
                        .append(fmt(m.secXPx()))
                        .append(',')
                        .append(fmt(m.secYPx()))
                        .append(',')
                        .append(fmt(m.descriptorDistance()))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6f", v);
    }

    private record Loaded(RasterC64 slc, GridGeometry geometry) {}

    /**
     * Opens every file before anything is written: each must be one complex band of the same size.
     *
     * @throws RasterFormatException naming the manifest entry otherwise
     */
    private static void checkFiles(StackManifest m) throws IOException {
        int w = -1;
        int h = -1;
        String first = null;
        for (Acquisition a : m.acquisitions()) {
            try (RasterSource src = openSlc(m, a)) {
                if (w < 0) {
                    w = src.width();
                    h = src.height();
                    first = a.date() + " " + src.path().getFileName();
                } else if (src.width() != w || src.height() != h) {
                    throw StackReader.sizeMismatch(m, a, src, first, w, h);
                }
            }
        }
    }

    private static Loaded load(StackManifest m, Acquisition a) throws IOException {
        try (RasterSource src = openSlc(m, a)) {
            Raster r = src.readBand(0, 0, 0, src.width(), src.height());
            return new Loaded((RasterC64) r, src.geometry().orElse(null));
        }
    }

    /**
     * Opens an acquisition's SLC, which must be one complex band.
     *
     * @throws RasterFormatException naming the manifest entry otherwise (the source is closed)
     */
    private static RasterSource openSlc(StackManifest m, Acquisition a) throws IOException {
        if (a.file() == null) {
            throw new RasterFormatException(
                    m.path(), "acquisition " + a.date() + " has no SLC file");
        }
        RasterSource src = open(m, a.file());
        if (!src.dataType().isComplex() || src.numBands() != 1) {
            src.close();
            throw new RasterFormatException(
                    m.path(),
                    "acquisition "
                            + a.date()
                            + ": "
                            + a.file().getFileName()
                            + " is "
                            + src.numBands()
                            + " band(s) of "
                            + src.dataType().gdalName()
                            + ", not one complex band");
        }
        return src;
    }

    private static RasterSource open(StackManifest m, Path file) throws IOException {
        if (m.raw() != null) {
            RawLayout layout =
                    RawLayout.of(
                                    m.raw().width(),
                                    m.raw().height(),
                                    SampleFormat.natural(m.raw().dataType()))
                            .withByteOrder(m.raw().byteOrder());
            return RasterIO.openRaw(file, layout);
        }
        return RasterIO.open(file);
    }

    private static void write(RasterC64 slc, GridGeometry geometry, Path target)
            throws IOException {
        GeoTiffWriter.write(RasterDataset.of(MultiBandRaster.of(slc), geometry), target);
    }
}
