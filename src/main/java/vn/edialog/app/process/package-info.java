/** Wiring of the dialogue process: its delegates, the event bridge, and the ports the process uses to act. */
package vn.edialog.app.process;
