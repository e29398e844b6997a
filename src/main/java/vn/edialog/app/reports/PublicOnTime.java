package vn.edialog.app.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.query.sla.OnTimeFigure;

/**
 * The public on-time figure of a province: per agency, the answers given in the last twelve months (from the same
 * day a year ago, Vietnam time, until now) and the share given on time. Counts only: nothing names a dialogue or a
 * person.
 */
record PublicOnTime(Tenant tenant, LocalDate firstDay, Instant from, Instant to, List<Line> agencies) {

    /** One agency's line; {@code agency} is null for a code the tenant no longer lists. */
    record Line(String code, Agency agency, long answered, long answeredOnTime, Double onTimeRate) {}

    static PublicOnTime of(SlaReports reports, Tenant tenant) {
        Instant now = reports.now();
        LocalDate first = reports.today().minusYears(1).plusDays(1);
        Instant from = first.atStartOfDay(WorkingDayCalendar.VIETNAM).toInstant();
        List<Line> lines = reports.onTime(tenant, from, now).stream()
                .map(figure -> line(tenant, figure))
                .toList();
        return new PublicOnTime(tenant, first, from, now, lines);
    }

    private static Line line(Tenant tenant, OnTimeFigure figure) {
        return new Line(
                figure.agency(),
                tenant.agency(figure.agency()).orElse(null),
                figure.answered(),
                figure.answeredOnTime(),
                figure.onTimeRate());
    }
}
