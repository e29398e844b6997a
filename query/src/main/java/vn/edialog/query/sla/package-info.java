/**
 * SLA facts per handling step (the moderator's triage, each forward to a department) and the management reports
 * computed only from them: per agency and period, the ranking of agencies and the monthly trend.
 * {@link vn.edialog.query.sla.SlaFactsProjection} writes the facts, {@link vn.edialog.query.sla.SlaFactsQueries}
 * reads them.
 */
package vn.edialog.query.sla;
