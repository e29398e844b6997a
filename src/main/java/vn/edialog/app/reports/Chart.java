package vn.edialog.app.reports;

import java.util.List;

/**
 * A chart ready for the page: the inline SVG (an image with its title and description), its legend, and the same
 * numbers as a table for readers who cannot see it.
 */
public record Chart(
        String id, String title, String svg, List<LegendEntry> legend, List<String> headers, List<List<String>> rows) {

    /** A series' name and colour, as the legend shows it. */
    public record LegendEntry(String name, String color, boolean line) {}
}
