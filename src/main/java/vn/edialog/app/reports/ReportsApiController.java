package vn.edialog.app.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.edialog.app.access.AccessPolicy;
import vn.edialog.app.access.Viewer;
import vn.edialog.app.access.Viewers;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.command.tenant.Agency;
import vn.edialog.query.sla.AgencyRanking;
import vn.edialog.query.sla.MonthlyTrend;

/**
 * The SLA reports as JSON, for leaders signed in (session or HTTP Basic): the same figures as the report page, not
 * rounded. Without {@code agency}, leaders of the People's Committee get every agency and the province total, leaders
 * of a department their own agency; the ranking compares agencies and is for the People's Committee only.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/reports")
@Tag(
        name = "SLA reports",
        description = "Figures per agency and period, ranking of agencies and monthly trend, from the SLA facts")
class ReportsApiController {

    private static final String PERIOD_HELP =
            "a month (2026-01) or a date (2026-01-15); at most 5 years in all;" + " by default the last 12 months";

    private final SlaReports reports;
    private final AccessPolicy policy;
    private final Tenants tenants;

    ReportsApiController(SlaReports reports, AccessPolicy policy, Tenants tenants) {
        this.reports = reports;
        this.policy = policy;
        this.tenants = tenants;
    }

    /** The figures of one agency, or of the province (no agency). */
    record Figures(
            String agency,
            String nameVi,
            String nameEn,
            long received,
            long forwardedIn,
            long answeredOnTime,
            long answeredLate,
            Double onTimeRate,
            long open,
            long overdue,
            Double medianWorkingDays,
            Double p90WorkingDays,
            long escalations,
            long returns,
            long extensions,
            Double averageSatisfaction,
            long ratings) {

        static Figures of(FiguresTable.Row row) {
            Agency agency = row.agency();
            var r = row.report();
            return new Figures(
                    row.agencyCode(),
                    agency == null ? null : agency.nameVi(),
                    agency == null ? null : agency.nameEn(),
                    r.received(),
                    r.forwardedIn(),
                    r.answeredOnTime(),
                    r.answeredLate(),
                    r.onTimeRate(),
                    r.open(),
                    r.overdue(),
                    r.medianWorkingDays(),
                    r.p90WorkingDays(),
                    r.escalations(),
                    r.returns(),
                    r.extensions(),
                    r.averageSatisfaction(),
                    r.satisfactionCount());
        }
    }

    /** The period reported on: whole days from {@code from} to {@code to}, both included (Vietnam time). */
    record Period(LocalDate from, LocalDate to) {
        static Period of(ReportPeriod period) {
            return new Period(period.first(), period.last());
        }
    }

    record SlaAnswer(
            String tenant, String agency, Period period, Instant asOf, List<Figures> agencies, Figures total) {}

    record RankingAnswer(String tenant, Period period, List<AgencyRanking> ranking) {}

    record Month(
            YearMonth month,
            long received,
            long forwardedIn,
            long answeredOnTime,
            long answeredLate,
            Double onTimeRate,
            Double medianWorkingDays) {
        static Month of(MonthlyTrend m) {
            return new Month(
                    m.month(),
                    m.received(),
                    m.forwardedIn(),
                    m.answeredOnTime(),
                    m.answeredLate(),
                    m.onTimeRate(),
                    m.medianWorkingDays());
        }
    }

    record TrendAnswer(String tenant, String agency, Period period, List<Month> months) {}

    @GetMapping("/sla")
    @Operation(
            summary = "SLA figures per agency and the province total: received, forwarded in, answered on time and"
                    + " late, open and overdue, median and 90th percentile of working days, escalations, returns,"
                    + " extensions, satisfaction")
    SlaAnswer sla(
            @PathVariable String tenant,
            @Parameter(description = "an agency code; none: every agency the viewer may see")
                    @RequestParam(required = false)
                    String agency,
            @Parameter(description = PERIOD_HELP) @RequestParam(required = false) String from,
            @Parameter(description = PERIOD_HELP) @RequestParam(required = false) String to) {
        ReportScope scope = scope(tenant, agency);
        ReportPeriod period = period(from, to);
        FiguresTable table = reports.figures(scope.tenant(), scope.agency(), period);
        return new SlaAnswer(
                tenant,
                scope.agency(),
                Period.of(period),
                table.asOf(),
                table.rows().stream().map(Figures::of).toList(),
                table.total() == null ? null : Figures.of(table.total()));
    }

    @GetMapping("/ranking")
    @Operation(summary = "Agencies ranked by share answered on time, then by median working days (People's Committee)")
    RankingAnswer ranking(
            @PathVariable String tenant,
            @Parameter(description = PERIOD_HELP) @RequestParam(required = false) String from,
            @Parameter(description = PERIOD_HELP) @RequestParam(required = false) String to) {
        Viewer viewer = Viewers.current().orElse(null);
        if (!ReportScope.provinceWide(policy, viewer, tenant)) {
            throw forbidden(
                    "The ranking of agencies of province " + tenant + " is for leaders of its People's Committee");
        }
        ReportScope scope = scope(tenant, null);
        ReportPeriod period = period(from, to);
        return new RankingAnswer(tenant, Period.of(period), reports.ranking(scope.tenant(), period));
    }

    @GetMapping("/trend")
    @Operation(summary = "Per month: received, forwarded in, answered on time and late, median working days")
    TrendAnswer trend(
            @PathVariable String tenant,
            @Parameter(description = "an agency code; none: every agency the viewer may see")
                    @RequestParam(required = false)
                    String agency,
            @Parameter(description = PERIOD_HELP) @RequestParam(required = false) String from,
            @Parameter(description = PERIOD_HELP) @RequestParam(required = false) String to) {
        ReportScope scope = scope(tenant, agency);
        ReportPeriod period = period(from, to);
        return new TrendAnswer(
                tenant,
                scope.agency(),
                Period.of(period),
                reports.trend(scope.tenant(), scope.agency(), period).stream()
                        .map(Month::of)
                        .toList());
    }

    private ReportScope scope(String tenant, String agency) {
        Viewer viewer = Viewers.current().orElse(null);
        try {
            return ReportScope.resolve(policy, tenants, viewer, tenant, agency);
        } catch (ReportScope.Refused refused) {
            if (refused.status() == HttpStatus.FORBIDDEN) {
                throw forbidden(refused.getMessage());
            }
            throw ApiProblem.badParameter(refused.getMessage());
        }
    }

    private ReportPeriod period(String from, String to) {
        try {
            return ReportPeriod.parse(from, to, reports.today());
        } catch (ReportPeriod.BadPeriod bad) {
            throw ApiProblem.badParameter(bad.getMessage());
        }
    }

    private static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
    }
}
