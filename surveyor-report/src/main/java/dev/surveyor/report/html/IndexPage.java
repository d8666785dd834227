package dev.surveyor.report.html;

import dev.surveyor.report.ReportSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The index page linking several run reports (e.g. the runs of a demo), with previews. */
public final class IndexPage {
    private IndexPage() {}

    /**
     * Writes {@code indexFile} with one card per report: title (linked), kind, headline numbers and
     * preview; links are relative to the index's folder.
     *
     * @param title page title (escaped)
     * @param introHtml trusted HTML shown under the title, or null
     */
    public static Path write(
            Path indexFile, String title, String introHtml, List<ReportSummary> runs)
            throws IOException {
        Path dir = indexFile.toAbsolutePath().normalize().getParent();
        HtmlPage page = new HtmlPage(title, introHtml);
        StringBuilder b = new StringBuilder("<div class=\"cards\">");
        for (ReportSummary r : runs) {
            String href = relative(dir, r.page());
            b.append("<div class=\"card\"><h2><a href=\"")
                    .append(Html.esc(href))
                    .append("\">")
                    .append(Html.esc(r.title()))
                    .append("</a></h2><p class=\"note\">")
                    .append(Html.esc(describe(r)))
                    .append("</p>");
            if (r.thumbnail().isPresent()) {
                b.append("<a href=\"")
                        .append(Html.esc(href))
                        .append("\"><img src=\"")
                        .append(Html.esc(relative(dir, r.thumbnail().get())))
                        .append("\" alt=\"preview of ")
                        .append(Html.esc(r.title()))
                        .append("\"></a>");
            }
            if (!r.headline().isEmpty()) {
                b.append(Html.keyValues(r.headline()));
            }
            b.append("</div>");
        }
        page.raw(b.append("</div>").toString());
        Path out = indexFile.toAbsolutePath().normalize();
        page.write(out);
        return out;
    }

    private static String describe(ReportSummary r) {
        return switch (r.kind()) {
            case CRATERS ->
                    "Crater detection: detections on the image, PR/F1 curves, size-frequency distribution and model age.";
            case HEIGHT ->
                    "Height from a single image: height map, error map, scatter and metrics.";
            case INSAR ->
                    "PS-InSAR: velocity map over the mean amplitude with time series, coherence, co-registration.";
            case COREGISTRATION ->
                    "SAR co-registration: offsets per date (against known shifts when given), feature matches.";
        };
    }

    /** {@code target} relative to {@code dir} with forward slashes (for URLs). */
    static String relative(Path dir, Path target) {
        String rel =
                dir.relativize(target.toAbsolutePath().normalize()).toString().replace('\\', '/');
        StringBuilder b = new StringBuilder();
        for (String part : rel.split("/", -1)) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(
                    java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("+", "%20"));
        }
        return b.toString();
    }
}
