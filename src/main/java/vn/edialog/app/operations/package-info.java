/**
 * What operators run: the command line ({@code operations.cli}), the database (embedded or external,
 * {@code operations.database}), the event processors with their dead letters and the read models' registration and
 * rebuild ({@code operations.processing}), and the offline verification of the event store
 * ({@code operations.store}).
 */
package vn.edialog.app.operations;
