package vn.edialog.command.signature;

import java.time.Instant;

/** Facts about the signer certificate (RFC 2253 names, hex serial) and the CMS signing-time (null if absent). */
public record SignerFacts(String subject, String issuer, String serialHex, Instant signingTime) {}
