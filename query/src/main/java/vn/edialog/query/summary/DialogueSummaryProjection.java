package vn.edialog.query.summary;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.command.dialogue.api.AnswerKeptPrivate;
import vn.edialog.command.dialogue.api.AnswerPublished;
import vn.edialog.command.dialogue.api.ClarificationProvided;
import vn.edialog.command.dialogue.api.ClarificationRequested;
import vn.edialog.command.dialogue.api.DeadlineExtended;
import vn.edialog.command.dialogue.api.DialogueAnswered;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.dialogue.api.DialogueClosed;
import vn.edialog.command.dialogue.api.DialogueEscalated;
import vn.edialog.command.dialogue.api.DialogueForwarded;
import vn.edialog.command.dialogue.api.DialogueRejected;
import vn.edialog.command.dialogue.api.DialogueReopened;
import vn.edialog.command.dialogue.api.ForwardReturned;
import vn.edialog.command.dialogue.api.PublicationWithdrawn;
import vn.edialog.command.dialogue.api.SatisfactionRated;
import vn.edialog.command.dialogue.lifecycle.Action;
import vn.edialog.command.dialogue.lifecycle.DialogueLifecycle;
import vn.edialog.command.dialogue.lifecycle.Due;
import vn.edialog.query.BatchedWrites;
import vn.edialog.query.LifecycleColumns;

/**
 * Owns {@code dialogue_summary}. Stage, status and due date move by the lifecycle's table, as the aggregate's do
 * ({@link LifecycleColumns}). Every update is guarded by the event's sequence number, so a replay or a redelivered
 * batch changes nothing twice; the reset handler empties the table for a rebuild. Each statement touches one
 * dialogue's row only, so the writes of a batch of events go out as JDBC batches ({@link BatchedWrites}).
 */
@ProcessingGroup(DialogueSummaryProjection.PROCESSING_GROUP)
public class DialogueSummaryProjection {

    public static final String PROCESSING_GROUP = "dialogue-summary";

    private final JdbcClient jdbc;
    private final BatchedWrites writes;

    public DialogueSummaryProjection(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.writes = new BatchedWrites(jdbc);
    }

    @EventHandler
    void on(DialogueAsked event, @SequenceNumber long sequence) {
        writes.sql(
                        event.dialogueId(),
                        """
                        insert into dialogue_summary (dialogue_id, tenant, tracking_code, topic, confidential, stage,
                            status, moderator_agency, handling_agency, triage_due_at, due_at, asked_at, last_event_at,
                            last_sequence)
                        values (:id, :tenant, :code, :topic, :confidential, :stage, :status, :agency, :agency, :due,
                            :due, :at, :at, :seq)
                        on conflict (dialogue_id) do nothing
                        """)
                .param("id", event.dialogueId())
                .param("tenant", event.tenant())
                .param("code", event.trackingCode())
                .param("topic", event.topic())
                .param("confidential", event.confidential())
                .param("stage", DialogueLifecycle.start().name())
                .param("status", DialogueLifecycle.start().status().name())
                .param("agency", event.moderatorAgency())
                .param("due", ts(event.triageDueAt()))
                .param("at", ts(event.at()))
                .param("seq", sequence)
                .add();
    }

    @EventHandler
    void on(ClarificationRequested event, @SequenceNumber long sequence) {
        update(
                event.dialogueId(),
                sequence,
                event.at(),
                LifecycleColumns.after(Action.REQUEST_CLARIFICATION, Map.of(Due.CLARIFICATION, ":due")),
                s -> s.param("due", ts(event.dueAt())));
    }

    @EventHandler
    void on(ClarificationProvided event, @SequenceNumber long sequence) {
        update(event.dialogueId(), sequence, event.at(), LifecycleColumns.after(Action.PROVIDE_CLARIFICATION), s -> s);
    }

    @EventHandler
    void on(DialogueForwarded event, @SequenceNumber long sequence) {
        update(
                event.dialogueId(),
                sequence,
                event.at(),
                LifecycleColumns.after(Action.FORWARD, Map.of(Due.FORWARD, ":due")) + ", handling_agency = :agency",
                s -> s.param("agency", event.department()).param("due", ts(event.dueAt())));
    }

    @EventHandler
    void on(ForwardReturned event, @SequenceNumber long sequence) {
        update(
                event.dialogueId(),
                sequence,
                event.at(),
                LifecycleColumns.after(Action.RETURN_FORWARD, Map.of(Due.TRIAGE, "coalesce(:triageDue, triage_due_at)"))
                        + ", handling_agency = moderator_agency",
                s -> s.param("triageDue", ts(event.triageDueAt())));
    }

    @EventHandler
    void on(DeadlineExtended event, @SequenceNumber long sequence) {
        update(
                event.dialogueId(),
                sequence,
                event.at(),
                LifecycleColumns.after(Action.EXTEND_DEADLINE, Map.of(Due.FORWARD, ":due")),
                s -> s.param("due", ts(event.newDueAt())));
    }

    @EventHandler
    void on(DialogueAnswered event, @SequenceNumber long sequence) {
        update(
                event.dialogueId(),
                sequence,
                event.at(),
                LifecycleColumns.after(Action.ANSWER) + ", handling_agency = :agency, answered_at = :answered",
                s -> s.param("agency", event.answeringAgency()).param("answered", ts(event.at())));
    }

    @EventHandler
    void on(AnswerPublished event, @SequenceNumber long sequence) {
        update(event.dialogueId(), sequence, event.at(), "published = true", s -> s);
    }

    @EventHandler
    void on(AnswerKeptPrivate event, @SequenceNumber long sequence) {
        update(event.dialogueId(), sequence, event.at(), "published = published", s -> s);
    }

    @EventHandler
    void on(PublicationWithdrawn event, @SequenceNumber long sequence) {
        update(event.dialogueId(), sequence, event.at(), "published = false", s -> s);
    }

    @EventHandler
    void on(DialogueRejected event, @SequenceNumber long sequence) {
        update(event.dialogueId(), sequence, event.at(), LifecycleColumns.after(Action.REJECT), s -> s);
    }

    @EventHandler
    void on(DialogueEscalated event, @SequenceNumber long sequence) {
        update(
                event.dialogueId(),
                sequence,
                event.at(),
                "escalation_level = greatest(escalation_level, :level)",
                s -> s.param("level", event.level()));
    }

    @EventHandler
    void on(SatisfactionRated event, @SequenceNumber long sequence) {
        update(event.dialogueId(), sequence, event.at(), "rating = :rating", s -> s.param("rating", event.rating()));
    }

    @EventHandler
    void on(DialogueReopened event, @SequenceNumber long sequence) {
        update(
                event.dialogueId(),
                sequence,
                event.at(),
                LifecycleColumns.after(Action.REOPEN, Map.of(Due.TRIAGE, ":due"))
                        + ", handling_agency = moderator_agency, answered_at = null",
                s -> s.param("due", ts(event.triageDueAt())));
    }

    @EventHandler
    void on(DialogueClosed event, @SequenceNumber long sequence) {
        update(
                event.dialogueId(),
                sequence,
                event.at(),
                LifecycleColumns.after(DialogueLifecycle.actionOf(event).orElseThrow()),
                s -> s);
    }

    /**
     * Empties the tables for a replay. TRUNCATE, not DELETE: it takes constant time (DELETE of 30,000 timeline rows
     * took 0.3 s here) and leaves no dead rows for the replay to write around; it commits with the token reset, and
     * holds an exclusive lock on the tables until then (readers wait a moment, as they would see empty tables anyway).
     */
    @ResetHandler
    void reset() {
        jdbc.sql("truncate dialogue_summary").update();
    }

    private void update(
            UUID dialogueId,
            long sequence,
            Instant at,
            String assignments,
            java.util.function.UnaryOperator<BatchedWrites.Statement> params) {
        params.apply(writes.sql(
                                dialogueId,
                                "update dialogue_summary set " + assignments
                                        + ", last_event_at = :at, last_sequence = :seq"
                                        + " where dialogue_id = :id and last_sequence < :seq")
                        .param("id", dialogueId)
                        .param("seq", sequence)
                        .param("at", ts(at)))
                .add();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
