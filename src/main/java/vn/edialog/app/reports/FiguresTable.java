package vn.edialog.app.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.query.sla.SlaReport;

/**
 * The SLA figures of a report: one row per agency (every agency of the tenant, or the one asked for) and, for the
 * whole province, the total; open and overdue as of {@code asOf}.
 */
public record FiguresTable(Tenant tenant, String agency, ReportPeriod period, Instant asOf, List<Row> rows, Row total) {

    /** All rows, the total last (when there is one). */
    public List<Row> rowsWithTotal() {
        return total == null
                ? rows
                : java.util.stream.Stream.concat(rows.stream(), java.util.stream.Stream.of(total))
                        .toList();
    }

    /**
     * One agency's figures, or the province total ({@code agency} null); the rounded accessors are what every output
     * shows.
     *
     * @param agency the agency as the tenant names it; null for the total, or for a code the tenant no longer lists
     */
    public record Row(String agencyCode, Agency agency, SlaReport report) {

        public boolean isTotal() {
            return agencyCode == null;
        }

        public BigDecimal onTimePercent() {
            return Figures.percent(report.onTimeRate());
        }

        public BigDecimal medianDays() {
            return Figures.oneDecimal(report.medianWorkingDays());
        }

        public BigDecimal p90Days() {
            return Figures.oneDecimal(report.p90WorkingDays());
        }

        public BigDecimal satisfaction() {
            return Figures.oneDecimal(report.averageSatisfaction());
        }
    }
}
