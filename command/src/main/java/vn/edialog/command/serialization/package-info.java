/** How events are written as JSON in the event store: one explicit, stable mapping. */
package vn.edialog.command.serialization;
