package vn.edialog.app.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.query.sla.AgencyRanking;
import vn.edialog.query.sla.MonthlyTrend;
import vn.edialog.query.sla.OnTimeFigure;
import vn.edialog.query.sla.SlaFactsQueries;
import vn.edialog.query.sla.SlaReport;
import vn.edialog.query.sla.SlaReportQuery;

/**
 * The reports as the page, the exports and the API show them, taken from the SLA facts only: the same query gives the
 * same figures everywhere. Authorization is the caller's ({@code AccessPolicy}).
 */
@Component
public class SlaReports {

    private final SlaFactsQueries sla;
    private final Clock clock;

    SlaReports(SlaFactsQueries sla, Clock clock) {
        this.sla = sla;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Today in Vietnam. */
    public LocalDate today() {
        return clock.instant().atZone(WorkingDayCalendar.VIETNAM).toLocalDate();
    }

    /**
     * The figures of one agency ({@code agency} non-null: that row alone, no total) or of every agency of the tenant
     * (agencies of the tenant in its order with zeros where they had nothing, then codes the facts name that the
     * tenant no longer lists, then the province total).
     */
    public FiguresTable figures(Tenant tenant, String agency, ReportPeriod period) {
        Instant asOf = period.asOf(now());
        SlaReportQuery query = new SlaReportQuery(tenant.code(), agency, period.from(), period.to(), asOf);
        Map<String, SlaReport> byAgency = new LinkedHashMap<>();
        sla.reportsPerAgency(query).forEach(report -> byAgency.put(report.agency(), report));
        List<FiguresTable.Row> rows = new ArrayList<>();
        for (Agency known : tenant.agencies()) {
            if (agency == null || agency.equals(known.code())) {
                SlaReport report = byAgency.remove(known.code());
                rows.add(new FiguresTable.Row(
                        known.code(), known, report != null ? report : empty(query, known.code())));
            }
        }
        byAgency.forEach((code, report) -> rows.add(new FiguresTable.Row(code, null, report)));
        FiguresTable.Row total = agency == null ? new FiguresTable.Row(null, null, sla.report(query)) : null;
        return new FiguresTable(tenant, agency, period, asOf, List.copyOf(rows), total);
    }

    /** The agencies with steps in the period, best first; see {@link SlaFactsQueries#ranking}. */
    public List<AgencyRanking> ranking(Tenant tenant, ReportPeriod period) {
        return sla.ranking(tenant.code(), period.from(), period.to());
    }

    /** Every month of the period, of one agency or all. */
    public List<MonthlyTrend> trend(Tenant tenant, String agency, ReportPeriod period) {
        return sla.monthlyTrend(tenant.code(), agency, period.from(), period.to());
    }

    /** The public figure: per agency of the tenant, in its order, the answers of [from, to) and those on time. */
    public List<OnTimeFigure> onTime(Tenant tenant, Instant from, Instant to) {
        Map<String, OnTimeFigure> byAgency = new LinkedHashMap<>();
        sla.onTimeFigures(tenant.code(), from, to).forEach(figure -> byAgency.put(figure.agency(), figure));
        List<OnTimeFigure> figures = new ArrayList<>();
        for (Agency known : tenant.agencies()) {
            OnTimeFigure figure = byAgency.remove(known.code());
            figures.add(figure != null ? figure : new OnTimeFigure(known.code(), 0, 0));
        }
        figures.addAll(byAgency.values());
        return figures;
    }

    private static SlaReport empty(SlaReportQuery query, String agency) {
        return new SlaReport(
                new SlaReportQuery(query.tenant(), agency, query.from(), query.to(), query.asOf()),
                0,
                0,
                0,
                0,
                0,
                0,
                null,
                null,
                0,
                0,
                0,
                null,
                0);
    }
}
