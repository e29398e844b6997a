/**
 * What officials use: their agency's inbox (the API), the case page and its actions, the Tasklist's wiring (the
 * process's delegates acting as server-signed government actions, authorizations, saved filters) and the demo
 * officials of the embedded default.
 */
package vn.edialog.app.official;
