package vn.edialog.app.reports;

import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;
import vn.edialog.app.access.AccessPolicy;
import vn.edialog.app.access.Viewer;
import vn.edialog.app.access.Viewers;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.web.L10n;
import vn.edialog.command.tenant.Tenant;

/**
 * The SLA report page of the viewer's province ({@code /reports}: figures per agency and the province total, ranking
 * of agencies, the monthly trend as charts) and its CSV and XLSX exports, with the same filters: agency, period from
 * and to (months or dates; by default the last twelve months). Leaders only, as {@link AccessPolicy#mayReadReports}
 * decides: of the People's Committee for every agency, of a department for their own.
 */
@Controller
class ReportsPageController {

    private final SlaReports reports;
    private final SlaExports exports;
    private final TrendCharts charts;
    private final AccessPolicy policy;
    private final Tenants tenants;

    ReportsPageController(
            SlaReports reports, SlaExports exports, TrendCharts charts, AccessPolicy policy, Tenants tenants) {
        this.reports = reports;
        this.exports = exports;
        this.charts = charts;
        this.policy = policy;
        this.tenants = tenants;
    }

    @GetMapping("/reports")
    ModelAndView page(
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        Viewer.Staff staff = Viewers.staff().orElseThrow();
        boolean provinceWide = ReportScope.provinceWide(policy, staff, staff.tenant());
        Tenant tenant = tenants.find(staff.tenant()).orElseThrow();
        model.addAttribute("tenant", tenant);
        model.addAttribute("provinceWide", provinceWide);
        model.addAttribute(
                "agencyChoices",
                provinceWide
                        ? tenant.agencies()
                        : tenant.agencies().stream()
                                .filter(a -> a.code().equals(staff.agency()))
                                .toList());
        model.addAttribute("agency", agency == null || agency.isBlank() ? null : agency.strip());
        ReportScope scope;
        try {
            scope = ReportScope.resolve(policy, tenants, staff, staff.tenant(), agency);
        } catch (ReportScope.Refused refused) {
            if (refused.status() == HttpStatus.BAD_REQUEST) {
                model.addAttribute("filterError", "reports.agency.unknown");
                return new ModelAndView("reports/sla", model.asMap(), HttpStatus.BAD_REQUEST);
            }
            return forbidden(model);
        }
        model.addAttribute("agency", scope.agency());
        model.addAttribute("fromValue", from == null ? "" : from.strip());
        model.addAttribute("toValue", to == null ? "" : to.strip());
        ReportPeriod period;
        try {
            period = ReportPeriod.parse(from, to, reports.today());
        } catch (ReportPeriod.BadPeriod bad) {
            model.addAttribute(
                    "filterError", "reports.period.error." + bad.reason().name());
            return new ModelAndView("reports/sla", model.asMap(), HttpStatus.BAD_REQUEST);
        }
        if (from == null || from.isBlank()) {
            model.addAttribute("fromValue", period.fromLabel());
        }
        if (to == null || to.isBlank()) {
            model.addAttribute("toValue", period.toLabel());
        }
        FiguresTable table = reports.figures(scope.tenant(), scope.agency(), period);
        model.addAttribute("period", period);
        model.addAttribute("table", table);
        model.addAttribute(
                "summary", table.total() != null ? table.total() : table.rows().get(0));
        model.addAttribute("columns", List.of(FigureColumn.values()));
        model.addAttribute("ranking", provinceWide ? reports.ranking(scope.tenant(), period) : null);
        model.addAttribute(
                "charts", charts.charts(reports.trend(scope.tenant(), scope.agency(), period), L10n.locale()));
        model.addAttribute("csvUrl", exportUrl("/reports/sla.csv", scope.agency(), period));
        model.addAttribute("xlsxUrl", exportUrl("/reports/sla.xlsx", scope.agency(), period));
        return new ModelAndView("reports/sla", model.asMap());
    }

    @GetMapping("/reports/sla.csv")
    Object csv(
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        return export(agency, from, to, model, "csv");
    }

    @GetMapping("/reports/sla.xlsx")
    Object xlsx(
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        return export(agency, from, to, model, "xlsx");
    }

    private Object export(String agency, String from, String to, Model model, String extension) {
        Viewer.Staff staff = Viewers.staff().orElseThrow();
        ReportScope scope;
        ReportPeriod period;
        try {
            scope = ReportScope.resolve(policy, tenants, staff, staff.tenant(), agency);
            period = ReportPeriod.parse(from, to, reports.today());
        } catch (ReportScope.Refused | ReportPeriod.BadPeriod refused) {
            // A hand-made link: the page says what is wrong, or that the viewer may not see it.
            return page(agency, from, to, model);
        }
        Locale locale = L10n.locale();
        FiguresTable table = reports.figures(scope.tenant(), scope.agency(), period);
        byte[] body = "csv".equals(extension)
                ? exports.csv(table, locale)
                : exports.xlsx(table, reports.trend(scope.tenant(), scope.agency(), period), locale);
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType("csv".equals(extension) ? SlaExports.CSV_TYPE : SlaExports.XLSX_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(SlaExports.fileName(table, extension))
                                .build()
                                .toString())
                .body(body);
    }

    private static ModelAndView forbidden(Model model) {
        model.addAttribute("status", HttpStatus.FORBIDDEN.value());
        return new ModelAndView("error", model.asMap(), HttpStatus.FORBIDDEN);
    }

    private static String exportUrl(String path, String agency, ReportPeriod period) {
        return UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("agency", java.util.Optional.ofNullable(agency))
                .queryParam("from", period.fromLabel())
                .queryParam("to", period.toLabel())
                .build()
                .toUriString();
    }
}
