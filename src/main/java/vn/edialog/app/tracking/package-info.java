/**
 * Following a dialogue. By tracking code, for anyone holding it: the status API and the tracking page (status facts
 * only). By id, for its parties: one dialogue, its signed timeline re-checked when read, and each event's evidence.
 * Who may read what is decided by {@link vn.edialog.app.access.AccessPolicy} alone; a dialogue the viewer may not read
 * is answered exactly like one that does not exist ({@code 404 unknown-dialogue}), so that ids do not leak.
 */
package vn.edialog.app.tracking;
