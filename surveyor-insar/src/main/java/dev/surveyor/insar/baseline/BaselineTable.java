package dev.surveyor.insar.baseline;

import dev.surveyor.core.raster.RasterFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates with perpendicular baselines and Doppler centroids against a common origin.
 *
 * @param dates acquisition dates
 * @param bperpM perpendicular baseline of each date, m ({@code null} when unknown)
 * @param dopplerHz Doppler centroid of each date, Hz ({@code null} when unknown)
 */
public record BaselineTable(List<LocalDate> dates, double[] bperpM, double[] dopplerHz) {
    private static final Pattern DATE = Pattern.compile("_(\\d{8})T\\d{6}");

    public BaselineTable {
        dates = List.copyOf(dates);
        if (bperpM != null && bperpM.length != dates.size()) {
            throw new IllegalArgumentException(
                    "dates has " + dates.size() + " entries but bperpM has " + bperpM.length);
        }
        if (dopplerHz != null && dopplerHz.length != dates.size()) {
            throw new IllegalArgumentException(
                    "dates has " + dates.size() + " entries but dopplerHz has " + dopplerHz.length);
        }
    }

    /**
     * Reads SNAP's "InSAR Stack Overview" CSV export ({@code Product, PerpBaseline[m],
     * TempBaseline[days], Coherence, HeightofAmbiguity[m], DopplerDiff[Hz]}); the date is taken
     * from the product name ({@code _YYYYMMDDThhmmss}).
     *
     * @throws RasterFormatException naming the file and line when a row cannot be read
     */
    public static BaselineTable readSnapCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<LocalDate> dates = new ArrayList<>();
        List<double[]> vals = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length < 6) {
                throw new RasterFormatException(
                        file, "line " + (i + 1) + " has " + f.length + " columns, expected 6");
            }
            Matcher m = DATE.matcher(f[0]);
            if (!m.find()) {
                throw new RasterFormatException(
                        file,
                        "line "
                                + (i + 1)
                                + ": no date _YYYYMMDDThhmmss in product name '"
                                + f[0]
                                + "'");
            }
            String d = m.group(1);
            dates.add(
                    LocalDate.of(
                            Integer.parseInt(d.substring(0, 4)),
                            Integer.parseInt(d.substring(4, 6)),
                            Integer.parseInt(d.substring(6, 8))));
            try {
                vals.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[5])});
            } catch (NumberFormatException e) {
                throw new RasterFormatException(
                        file,
                        "line "
                                + (i + 1)
                                + ": PerpBaseline or DopplerDiff is not a number: "
                                + line);
            }
        }
        double[] b = new double[dates.size()];
        double[] dop = new double[dates.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = vals.get(i)[0];
            dop[i] = vals.get(i)[1];
        }
        return new BaselineTable(dates, b, dop);
    }
}
