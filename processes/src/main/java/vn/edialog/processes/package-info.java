/** Glue between dialogue events and BPMN processes. */
package vn.edialog.processes;
