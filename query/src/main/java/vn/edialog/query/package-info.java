/**
 * Read side of eDialog: one package per read model, each built by one projection (its own processing group and
 * tables, idempotent, resettable for a rebuild by replay), and the query methods over it. Reads never touch the
 * event store.
 */
package vn.edialog.query;
