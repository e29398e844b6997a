package vn.edialog.app.operations.processing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The parked dialogues of every processor: listed, retried and evicted by operators. */
public final class DeadLetters {

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;

    DeadLetters(JdbcClient jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    /** One parked dialogue of one processing group: its first parked event and its cause. */
    public record Parked(
            String group,
            String dialogue,
            String eventType,
            long events,
            String cause,
            Instant firstAttempt,
            Instant lastAttempt) {}

    /** The outcome of a retry of one parked dialogue. */
    public record Retried(Parked parked, boolean succeeded, String cause) {}

    public List<Parked> list(Optional<String> group, Optional<String> dialogue) {
        return list(jdbc, group, dialogue);
    }

    /** The parked dialogues in a database, oldest first, each with its first parked event and its cause. */
    public static List<Parked> list(JdbcClient jdbc, Optional<String> group, Optional<String> dialogue) {
        return jdbc.sql("SELECT d.processinggroup, d.sequenceidentifier, d.payloadtype, d.causemessage, d.enqueuedat,"
                        + " d.lasttouched, (SELECT count(*) FROM deadletterentry s WHERE s.processinggroup ="
                        + " d.processinggroup AND s.sequenceidentifier = d.sequenceidentifier) AS events"
                        + " FROM deadletterentry d WHERE d.sequenceindex = (SELECT min(f.sequenceindex) FROM"
                        + " deadletterentry f WHERE f.processinggroup = d.processinggroup AND f.sequenceidentifier ="
                        + " d.sequenceidentifier) AND (:group IS NULL OR d.processinggroup = :group)"
                        + " AND (:dialogue IS NULL OR d.sequenceidentifier = :dialogue)"
                        + " ORDER BY d.enqueuedat, d.processinggroup")
                .param("group", group.orElse(null), java.sql.Types.VARCHAR)
                .param("dialogue", dialogue.orElse(null), java.sql.Types.VARCHAR)
                .query((row, n) -> new Parked(
                        row.getString(1),
                        row.getString(2),
                        simpleName(row.getString(3)),
                        row.getLong(7),
                        row.getString(4),
                        Instant.parse(row.getString(5)),
                        row.getString(6) == null ? Instant.parse(row.getString(5)) : Instant.parse(row.getString(6))))
                .list();
    }

    /** Parked dialogues (sequences) of one processing group. */
    public long parkedSequences(String group) {
        return jdbc.sql("SELECT count(DISTINCT sequenceidentifier) FROM deadletterentry WHERE processinggroup = :group")
                .param("group", group)
                .query(Long.class)
                .single();
    }

    /** Handles the parked dialogues again, now, in order; each either leaves the queue or stays with its new cause. */
    public List<Retried> retry(Optional<String> group, Optional<String> dialogue) {
        List<Retried> results = new ArrayList<>();
        for (Parked parked : list(group, dialogue)) {
            Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor =
                    processing.sequencedDeadLetterProcessor(parked.group());
            if (processor.isEmpty()) {
                results.add(new Retried(parked, false, "no processor " + parked.group() + " runs here"));
                continue;
            }
            processor.get().process(letter -> parked.dialogue().equals(ParkingPolicy.dialogue(letter.message())));
            List<Parked> still = list(Optional.of(parked.group()), Optional.of(parked.dialogue()));
            results.add(
                    still.isEmpty()
                            ? new Retried(parked, true, null)
                            : new Retried(parked, false, still.get(0).cause()));
        }
        return results;
    }

    /** Removes a dialogue's parked events (in one group or all): they are never handled by that processor. */
    public int evict(String dialogue, Optional<String> group) {
        return evict(jdbc, dialogue, group);
    }

    /** Removes a dialogue's parked events (in one group or all) from a database; returns how many. */
    public static int evict(JdbcClient jdbc, String dialogue, Optional<String> group) {
        return jdbc.sql("DELETE FROM deadletterentry WHERE sequenceidentifier = :dialogue"
                        + " AND (:group IS NULL OR processinggroup = :group)")
                .param("dialogue", dialogue)
                .param("group", group.orElse(null), java.sql.Types.VARCHAR)
                .update();
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }
}
