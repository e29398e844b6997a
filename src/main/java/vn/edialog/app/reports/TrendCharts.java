package vn.edialog.app.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.edialog.query.sla.MonthlyTrend;

/**
 * The monthly trend as three charts: questions received and forwards received (bars side by side), answers on time
 * and late (stacked bars), and the median working days to answer (a line). Texts and numbers in the reader's
 * language.
 */
@Component
class TrendCharts {

    static final String BLUE = "#0b4f8a";
    static final String ORANGE = "#b35900";
    static final String GREEN = "#17612e";
    static final String RED = "#a3121b";

    private final MessageSource messages;
    private final ReportFormat format;

    TrendCharts(MessageSource messages, ReportFormat format) {
        this.messages = messages;
        this.format = format;
    }

    List<Chart> charts(List<MonthlyTrend> trend, Locale locale) {
        List<String> labels =
                trend.stream().map(m -> format.shortMonth(m.month())).toList();
        List<String> months = trend.stream().map(m -> format.month(m.month())).toList();
        String period = trend.isEmpty() ? "" : months.get(0) + " – " + months.get(months.size() - 1);
        return List.of(
                volume(trend, labels, months, period, locale),
                answers(trend, labels, months, period, locale),
                days(trend, labels, months, period, locale));
    }

    private Chart volume(
            List<MonthlyTrend> trend, List<String> labels, List<String> months, String period, Locale locale) {
        String received = text("reports.col.RECEIVED", locale);
        String forwarded = text("reports.col.FORWARDED_IN", locale);
        long totalReceived = trend.stream().mapToLong(MonthlyTrend::received).sum();
        long totalForwarded =
                trend.stream().mapToLong(MonthlyTrend::forwardedIn).sum();
        String title = text("reports.chart.volume.title", locale);
        String description = text(
                "reports.chart.volume.desc",
                locale,
                period,
                format.count(totalReceived),
                format.count(totalForwarded),
                busiest(trend, months, locale));
        String svg = both(frame -> SvgChart.bars(
                frame,
                "chart-volume",
                title,
                description,
                labels,
                List.of(
                        new SvgChart.Series(
                                received,
                                BLUE,
                                trend.stream().map(m -> (double) m.received()).toList()),
                        new SvgChart.Series(
                                forwarded,
                                ORANGE,
                                trend.stream()
                                        .map(m -> (double) m.forwardedIn())
                                        .toList())),
                false,
                v -> format.count(Math.round(v))));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < trend.size(); i++) {
            MonthlyTrend m = trend.get(i);
            rows.add(List.of(months.get(i), format.count(m.received()), format.count(m.forwardedIn())));
        }
        return new Chart(
                "chart-volume",
                title,
                svg,
                List.of(new Chart.LegendEntry(received, BLUE, false), new Chart.LegendEntry(forwarded, ORANGE, false)),
                List.of(text("reports.col.MONTH", locale), received, forwarded),
                rows);
    }

    private Chart answers(
            List<MonthlyTrend> trend, List<String> labels, List<String> months, String period, Locale locale) {
        String onTime = text("reports.col.ANSWERED_ON_TIME", locale);
        String late = text("reports.col.ANSWERED_LATE", locale);
        String share = text("reports.col.ON_TIME_PERCENT", locale);
        long totalOnTime =
                trend.stream().mapToLong(MonthlyTrend::answeredOnTime).sum();
        long totalLate = trend.stream().mapToLong(MonthlyTrend::answeredLate).sum();
        String title = text("reports.chart.answers.title", locale);
        String description = text(
                "reports.chart.answers.desc",
                locale,
                period,
                format.count(totalOnTime),
                format.count(totalLate),
                format.share(totalOnTime + totalLate == 0 ? null : (double) totalOnTime / (totalOnTime + totalLate)));
        String svg = both(frame -> SvgChart.bars(
                frame,
                "chart-answers",
                title,
                description,
                labels,
                List.of(
                        new SvgChart.Series(
                                onTime,
                                GREEN,
                                trend.stream()
                                        .map(m -> (double) m.answeredOnTime())
                                        .toList()),
                        new SvgChart.Series(
                                late,
                                RED,
                                trend.stream()
                                        .map(m -> (double) m.answeredLate())
                                        .toList())),
                true,
                v -> format.count(Math.round(v))));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < trend.size(); i++) {
            MonthlyTrend m = trend.get(i);
            rows.add(List.of(
                    months.get(i),
                    format.count(m.answeredOnTime()),
                    format.count(m.answeredLate()),
                    format.share(m.onTimeRate())));
        }
        return new Chart(
                "chart-answers",
                title,
                svg,
                List.of(new Chart.LegendEntry(onTime, GREEN, false), new Chart.LegendEntry(late, RED, false)),
                List.of(text("reports.col.MONTH", locale), onTime, late, share),
                rows);
    }

    private Chart days(
            List<MonthlyTrend> trend, List<String> labels, List<String> months, String period, Locale locale) {
        String median = text("reports.col.MEDIAN_DAYS", locale);
        String title = text("reports.chart.days.title", locale);
        List<Double> values =
                trend.stream().map(MonthlyTrend::medianWorkingDays).toList();
        List<Double> known = values.stream().filter(Objects::nonNull).toList();
        String description = known.isEmpty()
                ? text("reports.chart.days.none", locale, period)
                : text(
                        "reports.chart.days.desc",
                        locale,
                        period,
                        format.days(known.stream()
                                .mapToDouble(Double::doubleValue)
                                .min()
                                .orElseThrow()),
                        format.days(known.stream()
                                .mapToDouble(Double::doubleValue)
                                .max()
                                .orElseThrow()));
        String svg = both(frame -> SvgChart.line(
                frame,
                "chart-days",
                title,
                description,
                labels,
                new SvgChart.Series(median, BLUE, values),
                v -> format.days(v)));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < trend.size(); i++) {
            rows.add(List.of(months.get(i), format.days(values.get(i))));
        }
        return new Chart(
                "chart-days",
                title,
                svg,
                List.of(new Chart.LegendEntry(median, BLUE, true)),
                List.of(text("reports.col.MONTH", locale), median),
                rows);
    }

    /** The chart drawn for wide screens and for phones; the page's style shows one of them. */
    private static String both(java.util.function.Function<SvgChart.Frame, String> draw) {
        return draw.apply(SvgChart.Frame.WIDE) + draw.apply(SvgChart.Frame.NARROW);
    }

    /** "the busiest month was 10/2026 (12)", or nothing when every month was empty. */
    private String busiest(List<MonthlyTrend> trend, List<String> months, Locale locale) {
        int best = -1;
        long most = 0;
        for (int i = 0; i < trend.size(); i++) {
            long total = trend.get(i).received() + trend.get(i).forwardedIn();
            if (total > most) {
                most = total;
                best = i;
            }
        }
        return best < 0 ? "" : text("reports.chart.volume.busiest", locale, months.get(best), format.count(most));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
