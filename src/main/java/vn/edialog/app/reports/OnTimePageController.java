package vn.edialog.app.reports;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.command.tenant.Tenant;

/** The public page of the on-time figure per agency of a province ({@code /portal/{tenant}/on-time}, anonymous). */
@Controller
class OnTimePageController {

    private final SlaReports reports;
    private final Tenants tenants;

    OnTimePageController(SlaReports reports, Tenants tenants) {
        this.reports = reports;
        this.tenants = tenants;
    }

    @GetMapping("/portal/{tenant}/on-time")
    ModelAndView onTime(@PathVariable String tenant, Model model) {
        Optional<Tenant> found = tenants.find(tenant);
        if (found.isEmpty()) {
            model.addAttribute("status", HttpStatus.NOT_FOUND.value());
            return new ModelAndView("error", model.asMap(), HttpStatus.NOT_FOUND);
        }
        model.addAttribute("figures", PublicOnTime.of(reports, found.get()));
        return new ModelAndView("reports/on-time", model.asMap());
    }
}
