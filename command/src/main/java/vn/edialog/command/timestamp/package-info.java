/**
 * RFC 3161 time-stamps: a {@link vn.edialog.command.timestamp.TimeStampAuthority} (the demo TSA of the embedded
 * default), a {@link vn.edialog.command.timestamp.TimeStampClient} that asks the configured authorities in order, and a
 * {@link vn.edialog.command.timestamp.TimeStampVerifier} that checks a token against its data and the trusted roots.
 * A time-stamp proves that data existed at its time: what lets a signature outlive its certificate (ADR 016).
 */
package vn.edialog.command.timestamp;
