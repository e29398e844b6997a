/**
 * The read API of signed-in askers and officials: an asker's own dialogues, one dialogue's status, signed timeline and
 * evidence, and an agency's inbox. Controllers only translate HTTP; who may read what is decided by {@link
 * vn.edialog.app.access.AccessPolicy} alone. A dialogue the viewer may not read is answered exactly like one that does
 * not exist ({@code 404 unknown-dialogue}), so that ids do not leak; an agency's inbox refused is {@code 403}, since
 * agency codes are public reference data.
 */
package vn.edialog.app.reads;
