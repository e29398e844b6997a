package vn.edialog.query.summary;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads {@code dialogue_summary}, which {@link DialogueSummaryProjection} writes. */
public class DialogueSummaryQueries {

    private final JdbcClient jdbc;

    public DialogueSummaryQueries(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** The summary of one dialogue. */
    public Optional<DialogueSummary> find(UUID dialogueId) {
        return select("dialogue_id = :key", dialogueId);
    }

    /** The summary of one dialogue by its tracking code. */
    public Optional<DialogueSummary> findByTrackingCode(String trackingCode) {
        return select("tracking_code = :key", trackingCode);
    }

    private Optional<DialogueSummary> select(String condition, Object key) {
        return jdbc.sql(
                        """
                        select dialogue_id, tenant, tracking_code, topic, status, handling_agency, due_at,
                            escalation_level, asked_at, answered_at, published, last_event_at
                        from dialogue_summary where\s"""
                                + condition)
                .param("key", key)
                .query((rows, n) -> new DialogueSummary(
                        rows.getObject("dialogue_id", UUID.class),
                        rows.getString("tenant"),
                        rows.getString("tracking_code"),
                        rows.getString("topic"),
                        rows.getString("status"),
                        rows.getString("handling_agency"),
                        instant(rows.getTimestamp("due_at")),
                        rows.getInt("escalation_level"),
                        instant(rows.getTimestamp("asked_at")),
                        instant(rows.getTimestamp("answered_at")),
                        rows.getBoolean("published"),
                        instant(rows.getTimestamp("last_event_at"))))
                .optional();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
