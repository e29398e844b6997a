package vn.edialog.command.dialogue.api;

/**
 * What a redacted publication was derived from: the lowercase hex SHA-256 of the original signed payload bytes of the
 * question (the DialogueAsked payload) and of the answer (the DialogueAnswered payload).
 */
public record Redaction(String questionSha256, String answerSha256) {}
