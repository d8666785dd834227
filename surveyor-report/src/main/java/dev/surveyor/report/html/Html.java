package dev.surveyor.report.html;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** HTML and JavaScript text helpers: escaping, number formatting, tables. */
public final class Html {
    private Html() {}

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A JSON string literal safe inside an HTML {@code <script>} element ({@code <}, {@code >},
     * {@code &}, U+2028/9 escaped as {@code \\uXXXX}).
     */
    public static String jsString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20
                            || c == '<'
                            || c == '>'
                            || c == '&'
                            || c == 0x2028
                            || c == 0x2029) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A number for JSON: finite values with up to {@code digits} decimals, else {@code null}. */
    public static String jsNum(double v, int digits) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (digits < 0 || digits > 15) {
            throw new IllegalArgumentException("digits must be in [0, 15], got " + digits);
        }
        double scale = Math.pow(10, digits);
        double scaled = Math.rint(v * scale);
        if (Math.abs(scaled) >= 9e15) {
            return String.format(Locale.ROOT, "%." + digits + "f", v);
        }
        // integer arithmetic: this runs once per number of large embedded arrays
        long n = (long) scaled;
        long unit = (long) scale;
        StringBuilder b = new StringBuilder(24);
        if (n < 0) {
            b.append('-');
            n = -n;
        }
        b.append(n / unit);
        long frac = n % unit;
        if (frac != 0) {
            String f = Long.toString(frac + unit).substring(1);
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            b.append('.').append(f, 0, end);
        }
        String out = b.toString();
        return out.equals("-0") ? "0" : out;
    }

    /** A number for display with {@code digits} decimals; NaN as an en dash. */
    public static String num(double v, int digits) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** A count with thin grouping (e.g. {@code 12 345}). */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', '\u202f');
    }

    /**
     * A table; cells are escaped. Cells that look numeric are right-aligned.
     *
     * @param header column titles
     * @param rows rows of cells, each as long as the header
     */
    public static String table(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<table class=\"data\"><thead><tr>");
        for (String h : header) {
            b.append("<th>").append(esc(h)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (List<String> r : rows) {
            b.append("<tr>");
            for (String c : r) {
                b.append(isNumeric(c) ? "<td class=\"n\">" : "<td>").append(esc(c)).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    /** A two-column key/value table; entries are escaped. */
    public static String keyValues(Map<String, String> entries) {
        StringBuilder b = new StringBuilder("<table class=\"kv\"><tbody>");
        for (Map.Entry<String, String> e : entries.entrySet()) {
            b.append("<tr><th>")
                    .append(esc(e.getKey()))
                    .append("</th><td")
                    .append(isNumeric(e.getValue()) ? " class=\"n\">" : ">")
                    .append(esc(e.getValue()))
                    .append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    static boolean isNumeric(String s) {
        return s != null
                && s.matches(
                        "[-+−]?[0-9][0-9\u202f.,]*(e[-+]?[0-9]+)?( ?(%|px|m|km|mm/yr|mm|s|Ga|yr))?");
    }
}
