package vn.edialog.app.reports;

import java.util.function.Function;

/**
 * The figures of a report row, in the order every output shows them; the page's table, the CSV and the XLSX all take
 * their columns from here. Labels are the messages {@code reports.col.<name>} of the reports bundle.
 */
public enum FigureColumn {
    RECEIVED(Kind.COUNT, row -> row.report().received()),
    FORWARDED_IN(Kind.COUNT, row -> row.report().forwardedIn()),
    ANSWERED_ON_TIME(Kind.COUNT, row -> row.report().answeredOnTime()),
    ANSWERED_LATE(Kind.COUNT, row -> row.report().answeredLate()),
    ON_TIME_PERCENT(Kind.PERCENT, FiguresTable.Row::onTimePercent),
    OPEN(Kind.COUNT, row -> row.report().open()),
    OVERDUE(Kind.COUNT, row -> row.report().overdue()),
    MEDIAN_DAYS(Kind.DECIMAL, FiguresTable.Row::medianDays),
    P90_DAYS(Kind.DECIMAL, FiguresTable.Row::p90Days),
    ESCALATIONS(Kind.COUNT, row -> row.report().escalations()),
    RETURNS(Kind.COUNT, row -> row.report().returns()),
    EXTENSIONS(Kind.COUNT, row -> row.report().extensions()),
    SATISFACTION(Kind.DECIMAL, FiguresTable.Row::satisfaction),
    RATINGS(Kind.COUNT, row -> row.report().satisfactionCount());

    /** How a figure is written: a count, a number with one decimal, or a percentage with one decimal. */
    public enum Kind {
        COUNT,
        DECIMAL,
        PERCENT
    }

    private final Kind kind;
    private final Function<FiguresTable.Row, Object> value;

    FigureColumn(Kind kind, Function<FiguresTable.Row, Object> value) {
        this.kind = kind;
        this.value = value;
    }

    public Kind kind() {
        return kind;
    }

    /** A {@link Long}, a {@link java.math.BigDecimal} already rounded, or null when there is no data. */
    public Object value(FiguresTable.Row row) {
        return value.apply(row);
    }

    /** The message key of the column's label. */
    public String labelKey() {
        return "reports.col." + name();
    }
}
