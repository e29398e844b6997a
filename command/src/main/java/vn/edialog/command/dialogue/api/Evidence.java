package vn.edialog.command.dialogue.api;

/** What every event keeps: the signed payload and the hash linking it to the previous event of its dialogue. */
public record Evidence(SignedPayload signed, String previousHash, String hash) {}
