package vn.edialog.command.dialogue.api;

/** A file attached to a question; the signed payload covers its SHA-256 (lowercase hex), not its bytes. */
public record Attachment(String name, String mediaType, long size, String sha256) {}
