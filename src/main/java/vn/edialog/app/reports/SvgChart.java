package vn.edialog.app.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Draws a bar chart (grouped or stacked) or a line chart as an SVG document fragment, server-side, with no script:
 * {@code role="img"} labelled by its {@code <title>} and {@code <desc>}; each bar or point carries its own title
 * (shown on hover). Coordinates are in a fixed view box that scales to the page's width.
 */
final class SvgChart {

    private static final int LEFT = 46;
    private static final int RIGHT = 10;
    private static final int TOP = 14;
    private static final int BOTTOM = 30;
    /** Room an axis label such as "11/26" needs at the chart's font size. */
    private static final double LABEL_ROOM = 36;

    private static final String INK = "#1a1a1a";
    private static final String AXIS = "#6b7079";
    private static final String GRID = "#d4d7dc";

    /** One series of values, one per label; null is "no value" (a gap in a line). */
    record Series(String name, String color, List<Double> values) {}

    /**
     * The view box: {@link #WIDE} for screens wider than a phone, {@link #NARROW} drawn at about its own size on a
     * phone, so that its text stays legible (an SVG's text scales with its view box).
     */
    record Frame(String suffix, String cssClass, int width, int height) {
        static final Frame WIDE = new Frame("", "chart wide", 560, 250);
        static final Frame NARROW = new Frame("-narrow", "chart narrow", 330, 240);

        int plotWidth() {
            return width - LEFT - RIGHT;
        }

        int plotHeight() {
            return height - TOP - BOTTOM;
        }
    }

    private SvgChart() {}

    static String bars(
            Frame frame,
            String id,
            String title,
            String description,
            List<String> labels,
            List<Series> series,
            boolean stacked,
            DoubleFunction<String> format) {
        double max = 0;
        for (int i = 0; i < labels.size(); i++) {
            double sum = 0;
            for (Series s : series) {
                double v = value(s, i);
                sum += v;
                max = Math.max(max, v);
            }
            if (stacked) {
                max = Math.max(max, sum);
            }
        }
        Axis axis = Axis.of(max, true);
        StringBuilder svg = open(frame, id + frame.suffix(), title, description);
        grid(frame, svg, axis, format);
        double slot = (double) frame.plotWidth() / Math.max(1, labels.size());
        double barWidth = stacked ? slot * 0.6 : slot * 0.8 / series.size();
        for (int i = 0; i < labels.size(); i++) {
            double x = LEFT + i * slot + (stacked ? slot * 0.2 : slot * 0.1);
            double base = 0;
            for (int k = 0; k < series.size(); k++) {
                Series s = series.get(k);
                double v = value(s, i);
                if (v <= 0) {
                    continue;
                }
                double top = y(frame, axis, base + v);
                double bottom = y(frame, axis, base);
                double left = stacked ? x : x + k * barWidth;
                svg.append("<rect x=\"")
                        .append(n(left))
                        .append("\" y=\"")
                        .append(n(top))
                        .append("\" width=\"")
                        .append(n(Math.max(1, barWidth - 1)))
                        .append("\" height=\"")
                        .append(n(bottom - top))
                        .append("\" fill=\"")
                        .append(s.color())
                        .append("\"><title>")
                        .append(escape(labels.get(i) + " – " + s.name() + ": " + format.apply(v)))
                        .append("</title></rect>");
                if (stacked) {
                    base += v;
                }
            }
        }
        xLabels(frame, svg, labels, slot);
        return svg.append("</svg>").toString();
    }

    static String line(
            Frame frame,
            String id,
            String title,
            String description,
            List<String> labels,
            Series series,
            DoubleFunction<String> format) {
        double max = 0;
        for (int i = 0; i < labels.size(); i++) {
            max = Math.max(max, value(series, i));
        }
        Axis axis = Axis.of(max, false);
        StringBuilder svg = open(frame, id + frame.suffix(), title, description);
        grid(frame, svg, axis, format);
        double slot = (double) frame.plotWidth() / Math.max(1, labels.size());
        List<String> segment = new ArrayList<>();
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            Double v = i < series.values().size() ? series.values().get(i) : null;
            if (v == null) {
                flush(svg, segment, series.color());
                continue;
            }
            double cx = LEFT + (i + 0.5) * slot;
            double cy = y(frame, axis, v);
            segment.add(n(cx) + "," + n(cy));
            points.append("<circle cx=\"")
                    .append(n(cx))
                    .append("\" cy=\"")
                    .append(n(cy))
                    .append("\" r=\"4\" fill=\"")
                    .append(series.color())
                    .append("\"><title>")
                    .append(escape(labels.get(i) + " – " + series.name() + ": " + format.apply(v)))
                    .append("</title></circle>");
        }
        flush(svg, segment, series.color());
        svg.append(points);
        xLabels(frame, svg, labels, slot);
        return svg.append("</svg>").toString();
    }

    private static void flush(StringBuilder svg, List<String> segment, String color) {
        if (segment.size() > 1) {
            svg.append("<polyline fill=\"none\" stroke=\"")
                    .append(color)
                    .append("\" stroke-width=\"2.5\" points=\"")
                    .append(String.join(" ", segment))
                    .append("\"/>");
        }
        segment.clear();
    }

    private static StringBuilder open(Frame frame, String id, String title, String description) {
        return new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"")
                .append(frame.cssClass())
                .append("\" role=\"img\" viewBox=\"0 0 ")
                .append(frame.width())
                .append(' ')
                .append(frame.height())
                .append("\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\" font-family=\"system-ui, sans-serif\" font-size=\"12\"><title id=\"")
                .append(id)
                .append("-title\">")
                .append(escape(title))
                .append("</title><desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(escape(description))
                .append("</desc>");
    }

    private static void grid(Frame frame, StringBuilder svg, Axis axis, DoubleFunction<String> format) {
        for (int t = 0; t <= axis.ticks(); t++) {
            double value = t * axis.step();
            double y = y(frame, axis, value);
            svg.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(frame.width() - RIGHT)
                    .append("\" y1=\"")
                    .append(n(y))
                    .append("\" y2=\"")
                    .append(n(y))
                    .append("\" stroke=\"")
                    .append(t == 0 ? AXIS : GRID)
                    .append("\" stroke-width=\"1\"/>");
            svg.append("<text x=\"")
                    .append(LEFT - 6)
                    .append("\" y=\"")
                    .append(n(y + 4))
                    .append("\" text-anchor=\"end\" fill=\"")
                    .append(INK)
                    .append("\">")
                    .append(escape(format.apply(value)))
                    .append("</text>");
        }
    }

    private static void xLabels(Frame frame, StringBuilder svg, List<String> labels, double slot) {
        int every = (int) Math.max(1, Math.ceil(LABEL_ROOM / slot));
        // Counted back from the newest month, which is always labelled.
        for (int i = labels.size() - 1; i >= 0; i -= every) {
            svg.append("<text x=\"")
                    .append(n(LEFT + (i + 0.5) * slot))
                    .append("\" y=\"")
                    .append(frame.height() - BOTTOM + 18)
                    .append("\" text-anchor=\"middle\" fill=\"")
                    .append(INK)
                    .append("\">")
                    .append(escape(labels.get(i)))
                    .append("</text>");
        }
    }

    private static double value(Series series, int index) {
        if (index >= series.values().size()) {
            return 0;
        }
        Double v = series.values().get(index);
        return v == null ? 0 : v;
    }

    private static double y(Frame frame, Axis axis, double value) {
        return TOP + frame.plotHeight() - value / axis.max() * frame.plotHeight();
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** A value axis from 0 with a round step: 1, 2 or 5 times a power of ten (whole numbers for counts). */
    record Axis(double step, int ticks) {

        double max() {
            return step * ticks;
        }

        static Axis of(double max, boolean counts) {
            if (max <= 0) {
                return new Axis(1, 4);
            }
            double raw = max / 4;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double normalized = raw / magnitude;
            double step = (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10) * magnitude;
            if (counts) {
                step = Math.max(1, Math.round(step));
            }
            int ticks = (int) Math.ceil(max / step - 1e-9);
            return new Axis(step, Math.max(1, ticks));
        }
    }
}
