/** Officials: Camunda users grouped per tenant, agency and role, and the demo accounts of the embedded default. */
package vn.edialog.app.officials;
