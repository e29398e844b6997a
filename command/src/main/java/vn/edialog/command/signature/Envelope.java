package vn.edialog.command.signature;

/** A signed envelope as received over HTTP: base64 of the canonical payload bytes and base64 of the DER CMS. */
public record Envelope(String payload, String signature) {}
