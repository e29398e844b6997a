package vn.edialog.query.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
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
import vn.edialog.command.dialogue.api.DeadlineExtensionRefused;
import vn.edialog.command.dialogue.api.DeadlineExtensionRequested;
import vn.edialog.command.dialogue.api.DialogueAnswered;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.dialogue.api.DialogueClosed;
import vn.edialog.command.dialogue.api.DialogueEscalated;
import vn.edialog.command.dialogue.api.DialogueForwarded;
import vn.edialog.command.dialogue.api.DialogueRejected;
import vn.edialog.command.dialogue.api.DialogueReopened;
import vn.edialog.command.dialogue.api.ForwardAcknowledged;
import vn.edialog.command.dialogue.api.ForwardReturned;
import vn.edialog.command.dialogue.api.PublicationWithdrawn;
import vn.edialog.command.dialogue.api.SatisfactionRated;
import vn.edialog.command.dialogue.lifecycle.Action;
import vn.edialog.command.dialogue.lifecycle.DialogueLifecycle;
import vn.edialog.command.dialogue.lifecycle.Due;
import vn.edialog.query.BatchedWrites;
import vn.edialog.query.LifecycleColumns;

/**
 * Owns {@code inbox_dialogue} and {@code inbox_party}. Stage, status and due date move by the lifecycle's table, as
 * the aggregate's do ({@link LifecycleColumns}); every update of a dialogue is guarded by the event's sequence number, and parties are added once (keyed by
 * tenant, party and dialogue), so redelivery and replay apply nothing twice. Every write touches one dialogue's rows,
 * so a batch of events goes out as JDBC batches ({@link BatchedWrites}).
 */
@ProcessingGroup(PartyInboxProjection.PROCESSING_GROUP)
public class PartyInboxProjection {

    public static final String PROCESSING_GROUP = "party-inbox";

    /** The party kind of agencies in {@code inbox_party}; askers are BUSINESS or CITIZEN. */
    static final String AGENCY = "AGENCY";

    private final JdbcClient jdbc;
    private final BatchedWrites writes;

    public PartyInboxProjection(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.writes = new BatchedWrites(jdbc);
    }

    @EventHandler
    void on(DialogueAsked e, @SequenceNumber long sequence) {
        writes.sql(
                        e.dialogueId(),
                        """
                        insert into inbox_dialogue (dialogue_id, tenant, tracking_code, topic, subject, confidential,
                            stage, status, moderator_agency, handling_agency, triage_due_at, due_at, last_activity_at,
                            last_sequence)
                        values (:id, :tenant, :code, :topic, :subject, :confidential, :stage, :status, :moderator,
                            :moderator, :due, :due, :at, :seq)
                        on conflict (dialogue_id) do nothing
                        """)
                .param("id", e.dialogueId())
                .param("tenant", e.tenant())
                .param("code", e.trackingCode())
                .param("topic", e.topic())
                // A confidential ask's subject stays in its sealed payload: the pages name the dialogue otherwise.
                .param("subject", e.subject() == null ? "" : e.subject())
                .param("confidential", e.confidential())
                .param("stage", DialogueLifecycle.start().name())
                .param("status", DialogueLifecycle.start().status().name())
                .param("moderator", e.moderatorAgency())
                .param("due", ts(e.triageDueAt()))
                .param("at", ts(e.at()))
                .param("seq", sequence)
                .add();
        addParty(e.dialogueId(), e.actor().kind().name(), e.actor().id(), InboxRole.ASKER, e.at());
        addParty(e.dialogueId(), AGENCY, e.moderatorAgency(), InboxRole.MODERATOR, e.at());
    }

    @EventHandler
    void on(ClarificationRequested e, @SequenceNumber long sequence) {
        update(
                e.dialogueId(),
                sequence,
                e.at(),
                LifecycleColumns.after(Action.REQUEST_CLARIFICATION, Map.of(Due.CLARIFICATION, ":due")),
                s -> s.param("due", ts(e.dueAt())));
    }

    @EventHandler
    void on(ClarificationProvided e, @SequenceNumber long sequence) {
        update(e.dialogueId(), sequence, e.at(), LifecycleColumns.after(Action.PROVIDE_CLARIFICATION), s -> s);
    }

    @EventHandler
    void on(DialogueForwarded e, @SequenceNumber long sequence) {
        update(
                e.dialogueId(),
                sequence,
                e.at(),
                LifecycleColumns.after(Action.FORWARD, Map.of(Due.FORWARD, ":due")) + ", handling_agency = :agency",
                s -> s.param("agency", e.department()).param("due", ts(e.dueAt())));
        addParty(e.dialogueId(), AGENCY, e.department(), InboxRole.DEPARTMENT, e.at());
    }

    @EventHandler
    void on(ForwardAcknowledged e, @SequenceNumber long sequence) {
        touch(e.dialogueId(), sequence, e.at());
    }

    @EventHandler
    void on(ForwardReturned e, @SequenceNumber long sequence) {
        update(
                e.dialogueId(),
                sequence,
                e.at(),
                LifecycleColumns.after(Action.RETURN_FORWARD, Map.of(Due.TRIAGE, "coalesce(:triageDue, triage_due_at)"))
                        + ", handling_agency = moderator_agency, forward_due_at = null",
                s -> s.param("triageDue", ts(e.triageDueAt())));
    }

    @EventHandler
    void on(DeadlineExtensionRequested e, @SequenceNumber long sequence) {
        touch(e.dialogueId(), sequence, e.at());
    }

    @EventHandler
    void on(DeadlineExtended e, @SequenceNumber long sequence) {
        update(
                e.dialogueId(),
                sequence,
                e.at(),
                LifecycleColumns.after(Action.EXTEND_DEADLINE, Map.of(Due.FORWARD, ":due")),
                s -> s.param("due", ts(e.newDueAt())));
    }

    @EventHandler
    void on(DeadlineExtensionRefused e, @SequenceNumber long sequence) {
        touch(e.dialogueId(), sequence, e.at());
    }

    @EventHandler
    void on(DialogueAnswered e, @SequenceNumber long sequence) {
        update(
                e.dialogueId(),
                sequence,
                e.at(),
                LifecycleColumns.after(Action.ANSWER) + ", handling_agency = :agency, forward_due_at = null",
                s -> s.param("agency", e.answeringAgency()));
    }

    @EventHandler
    void on(AnswerPublished e, @SequenceNumber long sequence) {
        touch(e.dialogueId(), sequence, e.at());
    }

    @EventHandler
    void on(AnswerKeptPrivate e, @SequenceNumber long sequence) {
        touch(e.dialogueId(), sequence, e.at());
    }

    @EventHandler
    void on(PublicationWithdrawn e, @SequenceNumber long sequence) {
        touch(e.dialogueId(), sequence, e.at());
    }

    @EventHandler
    void on(DialogueRejected e, @SequenceNumber long sequence) {
        update(e.dialogueId(), sequence, e.at(), LifecycleColumns.after(Action.REJECT), s -> s);
    }

    @EventHandler
    void on(DialogueEscalated e, @SequenceNumber long sequence) {
        touch(e.dialogueId(), sequence, e.at());
    }

    @EventHandler
    void on(SatisfactionRated e, @SequenceNumber long sequence) {
        touch(e.dialogueId(), sequence, e.at());
    }

    @EventHandler
    void on(DialogueReopened e, @SequenceNumber long sequence) {
        update(
                e.dialogueId(),
                sequence,
                e.at(),
                LifecycleColumns.after(Action.REOPEN, Map.of(Due.TRIAGE, ":due"))
                        + ", handling_agency = moderator_agency, forward_due_at = null",
                s -> s.param("due", ts(e.triageDueAt())));
    }

    @EventHandler
    void on(DialogueClosed e, @SequenceNumber long sequence) {
        update(
                e.dialogueId(),
                sequence,
                e.at(),
                LifecycleColumns.after(DialogueLifecycle.actionOf(e).orElseThrow()) + ", forward_due_at = null",
                s -> s);
    }

    /**
     * Empties the tables for a replay. TRUNCATE, not DELETE: it takes constant time (DELETE of 30,000 timeline rows
     * took 0.3 s here) and leaves no dead rows for the replay to write around; it commits with the token reset, and
     * holds an exclusive lock on the tables until then (readers wait a moment, as they would see empty tables anyway).
     */
    @ResetHandler
    void reset() {
        jdbc.sql("truncate inbox_party, inbox_dialogue").update();
    }

    private void addParty(UUID dialogueId, String partyKind, String partyId, InboxRole role, Instant since) {
        writes.sql(
                        dialogueId,
                        """
                        insert into inbox_party (tenant, party_kind, party_id, dialogue_id, role, since_at)
                        select d.tenant, :kind, :party, d.dialogue_id, :role, :since
                        from inbox_dialogue d where d.dialogue_id = :id
                        on conflict (tenant, party_kind, party_id, dialogue_id) do nothing
                        """)
                .param("kind", partyKind)
                .param("party", partyId)
                .param("role", role.name())
                .param("since", ts(since))
                .param("id", dialogueId)
                .add();
    }

    private void touch(UUID dialogueId, long sequence, Instant at) {
        update(dialogueId, sequence, at, null, s -> s);
    }

    private void update(
            UUID dialogueId,
            long sequence,
            Instant at,
            String assignments,
            UnaryOperator<BatchedWrites.Statement> params) {
        params.apply(writes.sql(
                                dialogueId,
                                "update inbox_dialogue set " + (assignments == null ? "" : assignments + ", ")
                                        + "last_activity_at = :at, last_sequence = :seq"
                                        + " where dialogue_id = :id and last_sequence < :seq")
                        .param("id", dialogueId)
                        .param("seq", sequence)
                        .param("at", ts(at)))
                .add();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
