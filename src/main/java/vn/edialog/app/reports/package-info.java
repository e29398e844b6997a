/**
 * SLA reports for management (the figures per agency, the ranking of agencies, the monthly trend as inline SVG
 * charts, CSV and XLSX exports, and their JSON API), read by leaders as {@code AccessPolicy.mayReadReports} allows;
 * and the public on-time figure per agency. Every figure comes from the SLA facts read model, so a rebuild of that
 * model reproduces the reports exactly.
 */
package vn.edialog.app.reports;
