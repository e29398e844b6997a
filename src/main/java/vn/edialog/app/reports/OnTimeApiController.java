package vn.edialog.app.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.command.tenant.Tenant;

/** The public on-time figure per agency (anonymous): answers of the last twelve months and the share on time. */
@RestController
@Tag(name = "Public portal", description = "Published answers, their signed timeline and the Atom feed")
class OnTimeApiController {

    private final SlaReports reports;
    private final Tenants tenants;

    OnTimeApiController(SlaReports reports, Tenants tenants) {
        this.reports = reports;
        this.tenants = tenants;
    }

    /** One agency: answers in the period, of those on time, and the share on time (absent when none). */
    record AgencyOnTime(
            String agency, String nameVi, String nameEn, long answered, long answeredOnTime, Double onTimeRate) {}

    /** The figures of answers given from {@code from} (a Vietnamese date, included) until {@code until}. */
    record OnTimeAnswer(String tenant, LocalDate from, Instant until, List<AgencyOnTime> agencies) {}

    @GetMapping("/api/v1/portal/{tenant}/on-time")
    @Operation(summary = "Per agency: answers given in the last 12 months and the share given on time")
    OnTimeAnswer onTime(@PathVariable String tenant) {
        Tenant found = tenants.find(tenant).orElseThrow(() -> ApiProblem.tenantNotFound(tenant));
        PublicOnTime figures = PublicOnTime.of(reports, found);
        return new OnTimeAnswer(
                tenant,
                figures.firstDay(),
                figures.to(),
                figures.agencies().stream()
                        .map(line -> new AgencyOnTime(
                                line.code(),
                                line.agency() == null ? null : line.agency().nameVi(),
                                line.agency() == null ? null : line.agency().nameEn(),
                                line.answered(),
                                line.answeredOnTime(),
                                line.onTimeRate()))
                        .toList());
    }
}
