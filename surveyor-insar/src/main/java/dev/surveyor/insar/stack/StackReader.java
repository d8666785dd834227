package dev.surveyor.insar.stack;

import dev.surveyor.core.raster.DataType;
import dev.surveyor.core.raster.Raster;
import dev.surveyor.core.raster.RasterC64;
import dev.surveyor.core.raster.RasterF32;
import dev.surveyor.core.raster.RasterFormatException;
import dev.surveyor.io.RasterSource;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads windows of all dates of a stack, so that memory is bounded by the window, not the stack.
 *
 * <p>Opening checks every file: same size as the first, complex samples for SLC/interferogram
 * files, one band; errors name the manifest entry. Raw files (manifest {@code raster} block) are
 * read by {@link RawBinarySource}; other formats through {@code
 * dev.surveyor.io.RasterIO.open(Path)}. Thread-safe: windows may be read concurrently.
 */
public final class StackReader implements Closeable {
    private final StackManifest manifest;
    private final List<RasterSource> files = new ArrayList<>();
    private final List<RasterSource> amps = new ArrayList<>();
    private final int refIndex;
    private final int width;
    private final int height;

    private StackReader(StackManifest m) throws IOException {
        this.manifest = m;
        if (m.referenceDate() == null) {
            throw new IllegalArgumentException(
                    m.path().getFileName() + ": the stack has no reference date; choose one first");
        }
        this.refIndex = m.dates().indexOf(m.referenceDate());
        if (refIndex < 0) {
            throw new RasterFormatException(
                    m.path(),
                    "reference_date " + m.referenceDate() + " is not one of the acquisitions");
        }
        int w = -1;
        int h = -1;
        String first = null;
        try {
            for (Acquisition a : m.acquisitions()) {
                RasterSource f =
                        a.file() == null ? null : openFile(m, a.file(), DataType.COMPLEX64);
                RasterSource am =
                        a.amplitudeFile() == null
                                ? null
                                : openFile(m, a.amplitudeFile(), DataType.FLOAT32);
                files.add(f);
                amps.add(am);
                for (RasterSource s : new RasterSource[] {f, am}) {
                    if (s == null) {
                        continue;
                    }
                    if (w < 0) {
                        w = s.width();
                        h = s.height();
                        first = a.date() + " " + s.path().getFileName();
                    } else if (s.width() != w || s.height() != h) {
                        throw sizeMismatch(m, a, s, first, w, h);
                    }
                }
                if (f != null && !f.dataType().isComplex()) {
                    throw new RasterFormatException(
                            m.path(),
                            "acquisition "
                                    + a.date()
                                    + ": "
                                    + f.path().getFileName()
                                    + " is "
                                    + f.dataType().gdalName()
                                    + ", not complex");
                }
                if (f != null && f.numBands() != 1) {
                    throw new RasterFormatException(
                            m.path(),
                            "acquisition "
                                    + a.date()
                                    + ": "
                                    + f.path().getFileName()
                                    + " has "
                                    + f.numBands()
                                    + " bands, expected 1");
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        if (m.type() == StackType.SLC && files.get(refIndex) == null) {
            close();
            throw new RasterFormatException(m.path(), "the reference date has no SLC file");
        }
        this.width = w;
        this.height = h;
    }

    /** Opens every file of a manifest whose reference date is set. */
    public static StackReader open(StackManifest manifest) throws IOException {
        return new StackReader(manifest);
    }

    private static RasterSource openFile(StackManifest m, Path file, DataType rawType)
            throws IOException {
        if (m.raw() != null) {
            return RawBinarySource.open(
                    file, m.raw().width(), m.raw().height(), rawType, m.raw().byteOrder());
        }
        return openWithRasterIo(file);
    }

    /** Opens a file with a header (GeoTIFF, ENVI, ...) through the shared dispatcher. */
    static RasterSource openWithRasterIo(Path file) throws IOException {
        return dev.surveyor.io.RasterIO.open(file);
    }

    public StackManifest manifest() {
        return manifest;
    }

    /** Columns. */
    public int width() {
        return width;
    }

    /** Rows. */
    public int height() {
        return height;
    }

    /** Number of dates (the reference included). */
    public int numDates() {
        return files.size();
    }

    /** Index of the reference date in {@link #dates()}. */
    public int referenceIndex() {
        return refIndex;
    }

    /** Dates ascending. */
    public List<LocalDate> dates() {
        return manifest.dates();
    }

    /** Georeferencing of the first file that has it. */
    public Optional<dev.surveyor.core.geo.GridGeometry> geometry() {
        for (RasterSource s : files) {
            if (s != null && s.geometry().isPresent()) {
                return s.geometry();
            }
        }
        return Optional.empty();
    }

    /** Whether every date has an amplitude (amplitude file or SLC). */
    public boolean hasAllAmplitudes() {
        for (int q = 0; q < files.size(); q++) {
            if (amps.get(q) == null && (manifest.type() != StackType.SLC || files.get(q) == null)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads one window of every date.
     *
     * @throws IllegalArgumentException when the window is not inside the stack
     */
    public StackWindow read(int x0, int y0, int w, int h) throws IOException {
        if (x0 < 0 || y0 < 0 || w <= 0 || h <= 0 || x0 + w > width || y0 + h > height) {
            throw new IllegalArgumentException(
                    "window x0="
                            + x0
                            + " y0="
                            + y0
                            + " "
                            + w
                            + "x"
                            + h
                            + " is outside the "
                            + width
                            + "x"
                            + height
                            + " stack");
        }
        int n = files.size();
        int px = w * h;
        float[][] ifg = new float[n][];
        float[][] amp = new float[n][];
        for (int q = 0; q < n; q++) {
            if (amps.get(q) != null) {
                amp[q] = floats(amps.get(q).readBand(0, x0, y0, w, h), px);
            }
        }
        if (manifest.type() == StackType.SLC) {
            float[] ref = complex(files.get(refIndex).readBand(0, x0, y0, w, h), px);
            for (int q = 0; q < n; q++) {
                float[] s =
                        q == refIndex ? ref : complex(files.get(q).readBand(0, x0, y0, w, h), px);
                float[] out = new float[2 * px];
                float[] a = amp[q] == null ? new float[px] : null;
                for (int i = 0; i < px; i++) {
                    float sr = s[2 * i];
                    float si = s[2 * i + 1];
                    float rr = ref[2 * i];
                    float ri = ref[2 * i + 1];
                    out[2 * i] = sr * rr + si * ri;
                    out[2 * i + 1] = si * rr - sr * ri;
                    if (a != null) {
                        a[i] = (float) Math.hypot(sr, si);
                    }
                }
                ifg[q] = out;
                if (a != null) {
                    amp[q] = a;
                }
            }
        } else {
            for (int q = 0; q < n; q++) {
                if (files.get(q) == null) {
                    float[] out = new float[2 * px];
                    for (int i = 0; i < px; i++) {
                        out[2 * i] = amp[q] == null ? 1f : amp[q][i] * amp[q][i];
                    }
                    ifg[q] = out;
                    continue;
                }
                float[] c = complex(files.get(q).readBand(0, x0, y0, w, h), px);
                if (manifest.acquisitions().get(q).conjugate()) {
                    for (int i = 0; i < px; i++) {
                        c[2 * i + 1] = -c[2 * i + 1];
                    }
                }
                ifg[q] = c;
            }
        }
        return new StackWindow(x0, y0, w, h, ifg, amp);
    }

    private static float[] complex(Raster r, int px) {
        RasterC64 c = (RasterC64) r;
        if (c.isContiguous() && c.offset() == 0 && c.data().length == 2 * px) {
            return c.data();
        }
        float[] out = new float[2 * px];
        int w = c.width();
        for (int y = 0; y < c.height(); y++) {
            for (int x = 0; x < w; x++) {
                out[2 * (y * w + x)] = c.unsafeGetRe(x, y);
                out[2 * (y * w + x) + 1] = c.unsafeGetIm(x, y);
            }
        }
        return out;
    }

    private static float[] floats(Raster r, int px) {
        float[] out = new float[px];
        int w = r.width();
        if (r instanceof RasterF32 f
                && f.isContiguous()
                && f.offset() == 0
                && f.data().length == px) {
            return f.data();
        }
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (float) r.unsafeGetDouble(x, y);
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (List<RasterSource> l : List.of(files, amps)) {
            for (RasterSource s : l) {
                if (s == null) {
                    continue;
                }
                try {
                    s.close();
                } catch (IOException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * The error for a stack file whose size differs from the first file's.
     *
     * @param m the manifest (named in the message)
     * @param a the acquisition the file belongs to
     * @param s the file
     * @param first how the first file is named in the message (date and file name)
     * @param w the first file's width, px
     * @param h the first file's height, px
     */
    public static RasterFormatException sizeMismatch(
            StackManifest m, Acquisition a, RasterSource s, String first, int w, int h) {
        return new RasterFormatException(
                m.path(),
                "acquisition "
                        + a.date()
                        + ": "
                        + s.path().getFileName()
                        + " is "
                        + s.width()
                        + "x"
                        + s.height()
                        + " but "
                        + first
                        + " is "
                        + w
                        + "x"
                        + h);
    }
}
