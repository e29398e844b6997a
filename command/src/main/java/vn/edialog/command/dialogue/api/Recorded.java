package vn.edialog.command.dialogue.api;

/**
 * What a command recorded: the sequence number of the event it appended to its dialogue (0 for the ask) and that
 * event's chain hash ({@link EvidenceChain}). Every command handler answers with it, so that the sender's receipt names
 * the stored event without reading the event store back.
 */
public record Recorded(long sequence, String hash) {}
