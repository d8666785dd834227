package dev.surveyor.report.run;

import dev.surveyor.core.raster.RasterFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The persistent scatterers of a {@code ps.csv} (EGMS / StaMPS-Visualizer layout): {@code
 * row,col}[{@code ,lon,lat}]{@code
 * ,velocity_mm_yr,dem_error_m,temporal_coherence,amplitude_dispersion} and one {@code dYYYYMMDD}
 * displacement column per date in mm. {@code row}/{@code col} are 0-based pixel indices (the PS is
 * the pixel centre, at {@code col + 0.5, row + 0.5} in corner coordinates).
 *
 * @param row pixel rows
 * @param col pixel columns
 * @param lon longitudes in degrees, when present
 * @param lat latitudes in degrees, when present
 * @param velocityMmYr LOS velocity in mm/yr
 * @param demErrorM DEM error in m
 * @param coherence temporal coherence in [0, 1]
 * @param dispersion amplitude dispersion
 * @param dates acquisition dates, ascending as in the file
 * @param displacementMm {@code displacementMm[p][d]}: point {@code p} at date {@code d} in mm
 */
public record PsTable(
        double[] row,
        double[] col,
        Optional<double[]> lon,
        Optional<double[]> lat,
        double[] velocityMmYr,
        double[] demErrorM,
        double[] coherence,
        double[] dispersion,
        List<LocalDate> dates,
        float[][] displacementMm) {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    /** Number of points. */
    public int size() {
        return row.length;
    }

    /** Reads {@code ps.csv}. */
    public static PsTable read(Path file) throws IOException {
        CsvTable t = CsvTable.read(file);
        List<LocalDate> dates = new ArrayList<>();
        List<String> dateCols = new ArrayList<>();
        for (String h : t.header()) {
            if (h.length() == 9
                    && h.charAt(0) == 'd'
                    && h.substring(1).chars().allMatch(Character::isDigit)) {
                try {
                    dates.add(LocalDate.parse(h.substring(1), BASIC));
                } catch (DateTimeParseException e) {
                    throw new RasterFormatException(
                            file, "column " + h + " is not a date dYYYYMMDD");
                }
                dateCols.add(h);
            }
        }
        int n = t.size();
        float[][] disp = new float[n][dates.size()];
        for (int d = 0; d < dateCols.size(); d++) {
            double[] v = t.doubles(dateCols.get(d));
            for (int p = 0; p < n; p++) {
                disp[p][d] = (float) v[p];
            }
        }
        Optional<double[]> lon = t.has("lon") ? Optional.of(t.doubles("lon")) : Optional.empty();
        Optional<double[]> lat = t.has("lat") ? Optional.of(t.doubles("lat")) : Optional.empty();
        return new PsTable(
                t.doubles("row"),
                t.doubles("col"),
                lon,
                lat,
                t.doubles("velocity_mm_yr"),
                optional(t, "dem_error_m", n),
                t.doubles("temporal_coherence"),
                optional(t, "amplitude_dispersion", n),
                List.copyOf(dates),
                disp);
    }

    private static double[] optional(CsvTable t, String col, int n) throws IOException {
        if (t.has(col)) {
            return t.doubles(col);
        }
        double[] nan = new double[n];
        java.util.Arrays.fill(nan, Double.NaN);
        return nan;
    }
}
