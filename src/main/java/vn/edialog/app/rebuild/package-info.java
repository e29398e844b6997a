/** Rebuilding read models by replaying the event store through their projections. */
package vn.edialog.app.rebuild;
