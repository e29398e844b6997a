/**
 * Evidence that grows beside the stored events (ADR 016): the RFC 3161 time-stamp over each stored signature,
 * recorded pending for every event ({@link vn.edialog.app.evidence.SignatureTimeStamps}), stamped when an authority
 * answers ({@link vn.edialog.app.evidence.TimeStampJob}) and checked by {@code verify-store}
 * ({@link vn.edialog.app.evidence.TimeStampAudit}).
 */
package vn.edialog.app.evidence;
