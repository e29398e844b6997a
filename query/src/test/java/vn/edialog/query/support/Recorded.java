package vn.edialog.query.support;

/** An event as the event store holds it: the dialogue's sequence number and the event. */
public record Recorded(long sequence, Object event) {}
