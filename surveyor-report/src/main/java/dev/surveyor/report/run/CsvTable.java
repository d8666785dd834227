package dev.surveyor.report.run;

import dev.surveyor.core.raster.RasterFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comma-separated table with a header line: plain fields (no quoting), blank lines and lines
 * starting with {@code #} skipped, surrounding spaces trimmed. Empty fields and {@code nan} read as
 * NaN in numeric columns.
 */
public final class CsvTable {
    private final Path file;
    private final List<String> header;
    private final Map<String, Integer> index;
    private final List<String[]> rows;

    private CsvTable(Path file, List<String> header, List<String[]> rows) {
        this.file = file;
        this.header = List.copyOf(header);
        this.rows = rows;
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            m.putIfAbsent(header.get(i), i);
        }
        this.index = m;
    }

    /**
     * Reads a CSV file.
     *
     * @throws RasterFormatException naming the file and line when a row has the wrong number of
     *     fields or there is no header
     */
    public static CsvTable read(Path file) throws IOException {
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split(",", -1);
                for (int i = 0; i < f.length; i++) {
                    f[i] = f[i].strip();
                }
                if (header == null) {
                    header = List.of(f);
                } else if (f.length != header.size()) {
                    throw new RasterFormatException(
                            file,
                            "line "
                                    + n
                                    + " has "
                                    + f.length
                                    + " fields but the header has "
                                    + header.size());
                } else {
                    rows.add(f);
                }
            }
        }
        if (header == null) {
            throw new RasterFormatException(file, "empty CSV file (no header line)");
        }
        return new CsvTable(file, header, rows);
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** Column names in file order. */
    public List<String> header() {
        return header;
    }

    /** Number of data rows. */
    public int size() {
        return rows.size();
    }

    /** Whether the table has a column of that name. */
    public boolean has(String column) {
        return index.containsKey(column);
    }

    /** The raw text of one cell. */
    public String text(int row, String column) throws RasterFormatException {
        return rows.get(row)[col(column)];
    }

    /** All cells of a column as text. */
    public List<String> texts(String column) throws RasterFormatException {
        int c = col(column);
        List<String> out = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            out.add(r[c]);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * A numeric column.
     *
     * @throws RasterFormatException naming the file, column and row when a cell is not a number or
     *     the column is missing
     */
    public double[] doubles(String column) throws RasterFormatException {
        int c = col(column);
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = parse(rows.get(i)[c], column, i);
        }
        return out;
    }

    private double parse(String s, String column, int row) throws RasterFormatException {
        if (s.isEmpty() || s.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new RasterFormatException(
                    file, "column " + column + " row " + (row + 1) + ": not a number: '" + s + "'");
        }
    }

    private int col(String column) throws RasterFormatException {
        Integer c = index.get(column);
        if (c == null) {
            throw new RasterFormatException(
                    file,
                    "missing column '" + column + "' (columns: " + String.join(",", header) + ")");
        }
        return c;
    }
}
