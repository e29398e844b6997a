/** Where each dialogue stands: status, handling agency and due date, by dialogue id or tracking code. */
package vn.edialog.query.summary;
