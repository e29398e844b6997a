package vn.edialog.app.tenant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.command.tenant.Topic;

/** The provinces and the dialogue forms (topics) a business or citizen can choose from. */
@RestController
@RequestMapping("/api/v1/tenants")
@Tag(name = "Reference data", description = "Provinces, their agencies and dialogue topics")
class TenantController {

    private final Tenants tenants;

    TenantController(Tenants tenants) {
        this.tenants = tenants;
    }

    record TenantView(String code, String nameVi, String nameEn, String moderatorAgency, List<Agency> agencies) {}

    @GetMapping
    @Operation(summary = "List the provinces served by this deployment")
    List<TenantView> tenants() {
        return tenants.all().stream()
                .map(t -> new TenantView(t.code(), t.nameVi(), t.nameEn(), t.moderatorAgency(), t.agencies()))
                .toList();
    }

    @GetMapping("/{tenant}/topics")
    @Operation(summary = "List the dialogue topics (forms) of a province")
    List<Topic> topics(@PathVariable String tenant) {
        return tenants.find(tenant).map(Tenant::topics).orElseThrow(() -> ApiProblem.tenantNotFound(tenant));
    }
}
