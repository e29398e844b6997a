package vn.edialog.app.reports;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import vn.edialog.app.access.AccessPolicy;
import vn.edialog.app.access.Viewer;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.command.tenant.Tenant;

/**
 * What a viewer asked for, once allowed: the tenant and the agency (null for the whole province). Without an agency,
 * leaders of the People's Committee get the whole province and leaders of a department their own agency. Decided by
 * {@link AccessPolicy#mayReadReports}; a refusal is a {@link Refused} with the status to answer.
 */
record ReportScope(Tenant tenant, String agency) {

    /** Whether the viewer may see the province's figures, hence the ranking of agencies. */
    static boolean provinceWide(AccessPolicy policy, Viewer viewer, String tenant) {
        return policy.mayReadReports(viewer, tenant, Optional.empty());
    }

    static ReportScope resolve(AccessPolicy policy, Tenants tenants, Viewer viewer, String tenantCode, String agency) {
        String wanted = agency == null || agency.isBlank() ? null : agency.strip();
        if (wanted == null && !provinceWide(policy, viewer, tenantCode) && viewer instanceof Viewer.Staff staff) {
            wanted = staff.agency();
        }
        if (!policy.mayReadReports(viewer, tenantCode, Optional.ofNullable(wanted))) {
            throw new Refused(
                    HttpStatus.FORBIDDEN,
                    wanted == null
                            ? "Reports of province " + tenantCode + " are for leaders of its People's Committee"
                            : "Reports of agency " + wanted + " in province " + tenantCode
                                    + " are for leaders of that agency or of the People's Committee");
        }
        // Only a viewer of this tenant gets here: the tenant is known.
        Tenant tenant = tenants.find(tenantCode).orElseThrow(() -> new Refused(HttpStatus.FORBIDDEN, "No reports"));
        if (wanted != null && tenant.agency(wanted).isEmpty()) {
            throw new Refused(HttpStatus.BAD_REQUEST, "Province " + tenantCode + " has no agency '" + wanted + "'");
        }
        return new ReportScope(tenant, wanted);
    }

    /** A report the viewer may not read (403), or an agency the tenant does not have (400). */
    static final class Refused extends RuntimeException {
        private final HttpStatus status;

        Refused(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }

        HttpStatus status() {
            return status;
        }
    }
}
