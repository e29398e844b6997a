/**
 * Where a dialogue stands, by id or tracking code: the status API and the tracking page, both status facts only. Also
 * registers the read side's projections.
 */
package vn.edialog.app.status;
