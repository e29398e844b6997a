package vn.edialog.query.timeline;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.ActorKind;

/** Reads {@code timeline_event} and {@code timeline_chain}, which {@link DialogueTimelineProjection} writes. */
public class DialogueTimelineQueries {

    private final JdbcClient jdbc;

    public DialogueTimelineQueries(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** The events of one dialogue of {@code tenant} in order; empty when there is no such dialogue. */
    public List<TimelineEntry> timeline(String tenant, UUID dialogueId) {
        return jdbc.sql(
                        """
                        select dialogue_id, sequence, event_type, occurred_at, actor_kind, actor_id, actor_name,
                            actor_agency, fact_agency, fact_due_at, fact_previous_due_at, fact_number, fact_code,
                            fact_variant, fact_reference, fact_reason, previous_hash, hash, signer_subject_cn,
                            signer_issuer_cn, signer_serial
                        from timeline_event
                        where tenant = :tenant and dialogue_id = :id
                        order by sequence
                        """)
                .param("tenant", tenant)
                .param("id", dialogueId)
                .query((rows, n) -> new TimelineEntry(
                        rows.getObject("dialogue_id", UUID.class),
                        rows.getLong("sequence"),
                        rows.getString("event_type"),
                        instant(rows.getTimestamp("occurred_at")),
                        new Actor(
                                ActorKind.valueOf(rows.getString("actor_kind")),
                                rows.getString("actor_id"),
                                rows.getString("actor_name"),
                                rows.getString("actor_agency")),
                        new TimelineFacts(
                                rows.getString("fact_agency"),
                                instant(rows.getTimestamp("fact_due_at")),
                                instant(rows.getTimestamp("fact_previous_due_at")),
                                rows.getObject("fact_number", Integer.class),
                                rows.getString("fact_code"),
                                rows.getString("fact_variant"),
                                rows.getString("fact_reference"),
                                rows.getString("fact_reason")),
                        rows.getString("previous_hash"),
                        rows.getString("hash"),
                        signer(rows)))
                .list();
    }

    /** The stored evidence of the event at {@code sequence} of one dialogue of {@code tenant}. */
    public Optional<EventEvidence> evidence(String tenant, UUID dialogueId, long sequence) {
        return jdbc.sql(
                        """
                        select e.dialogue_id, e.sequence, e.event_type, e.occurred_at, e.signed_payload, e.signature,
                            c.certificate_chain, e.previous_hash, e.hash, e.signer_subject_cn, e.signer_issuer_cn,
                            e.signer_serial, e.payload_sha256
                        from timeline_event e
                        left join timeline_chain c on c.chain_hash = e.chain_hash
                        where e.tenant = :tenant and e.dialogue_id = :id and e.sequence = :seq
                        """)
                .param("tenant", tenant)
                .param("id", dialogueId)
                .param("seq", sequence)
                .query((rows, n) -> new EventEvidence(
                        rows.getObject("dialogue_id", UUID.class),
                        rows.getLong("sequence"),
                        rows.getString("event_type"),
                        instant(rows.getTimestamp("occurred_at")),
                        rows.getString("signed_payload"),
                        rows.getString("signature"),
                        strings(rows.getArray("certificate_chain")),
                        rows.getString("previous_hash"),
                        rows.getString("hash"),
                        signer(rows),
                        rows.getString("payload_sha256")))
                .optional();
    }

    private static Signer signer(ResultSet rows) throws SQLException {
        String subject = rows.getString("signer_subject_cn");
        String issuer = rows.getString("signer_issuer_cn");
        String serial = rows.getString("signer_serial");
        return subject == null && issuer == null && serial == null ? null : new Signer(subject, issuer, serial);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
