package vn.edialog.query.sla;

import java.time.Instant;

/**
 * The steps of {@code tenant} received in [{@code from}, {@code to}) by {@code agency} (null for all agencies), with
 * open and overdue counted as of {@code asOf}.
 */
public record SlaReportQuery(String tenant, String agency, Instant from, Instant to, Instant asOf) {

    public SlaReportQuery {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("tenant is required");
        }
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("the period [from, to) must not be empty");
        }
        if (asOf == null) {
            throw new IllegalArgumentException("asOf is required");
        }
        agency = agency == null || agency.isBlank() ? null : agency.strip();
    }
}
