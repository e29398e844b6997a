package vn.edialog.query.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.dialogue.api.DialogueStatus;
import vn.edialog.query.Page;

/** Reads {@code inbox_party} and {@code inbox_dialogue}, which {@link PartyInboxProjection} writes: each party's list. */
public class PartyInboxQueries {

    private static final String AGENCY = PartyInboxProjection.AGENCY;

    private final JdbcClient jdbc;

    public PartyInboxQueries(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /**
     * The dialogues the asker ({@code askerKind} BUSINESS or CITIZEN, {@code askerId} such as "MST:0101234567") filed in
     * {@code tenant}, with one of {@code statuses} (empty for all), latest activity first.
     */
    public Page<InboxEntry> askerInbox(
            String tenant, ActorKind askerKind, String askerId, Set<DialogueStatus> statuses, int page, int size) {
        if (askerKind != ActorKind.BUSINESS && askerKind != ActorKind.CITIZEN) {
            throw new IllegalArgumentException("an asker is a business or a citizen: " + askerKind);
        }
        return inbox(tenant, askerKind.name(), askerId, statuses, page, size);
    }

    /**
     * The dialogues {@code agency} of {@code tenant} moderates or was forwarded, with one of {@code statuses} (empty for
     * all), latest activity first.
     */
    public Page<InboxEntry> agencyInbox(
            String tenant, String agency, Set<DialogueStatus> statuses, int page, int size) {
        return inbox(tenant, AGENCY, agency, statuses, page, size);
    }

    private Page<InboxEntry> inbox(
            String tenant, String partyKind, String partyId, Set<DialogueStatus> statuses, int page, int size) {
        if (tenant == null || tenant.isBlank() || partyId == null || partyId.isBlank()) {
            throw new IllegalArgumentException("tenant and party are required");
        }
        Page.check(page, size);
        String where =
                """
                 from inbox_party p join inbox_dialogue d on d.dialogue_id = p.dialogue_id
                where p.tenant = :tenant and p.party_kind = :kind and p.party_id = :party"""
                        + (statuses == null || statuses.isEmpty() ? "" : " and d.status in (:statuses)");
        Collection<String> statusNames = statuses == null
                ? List.of()
                : statuses.stream().map(Enum::name).sorted().toList();
        UnaryOperator<JdbcClient.StatementSpec> bind = s -> {
            s.param("tenant", tenant).param("kind", partyKind).param("party", partyId);
            return statusNames.isEmpty() ? s : s.param("statuses", statusNames);
        };
        long total = bind.apply(jdbc.sql("select count(*)" + where))
                .query(Long.class)
                .single();
        List<InboxEntry> items = bind.apply(jdbc.sql(
                        """
                                select d.dialogue_id, d.tracking_code, d.topic, d.subject, d.confidential, p.role,
                                    d.status, d.handling_agency, d.due_at, d.last_activity_at,
                                    case when p.role = 'ASKER' then d.status = 'AWAITING_CLARIFICATION'
                                         else d.handling_agency = p.party_id
                                              and d.status in ('AWAITING_TRIAGE', 'FORWARDED') end as awaiting_party
                                """
                                + where
                                + " order by d.last_activity_at desc, d.dialogue_id limit :limit offset :offset"))
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rows, n) -> new InboxEntry(
                        rows.getObject("dialogue_id", UUID.class),
                        rows.getString("tracking_code"),
                        rows.getString("topic"),
                        rows.getString("subject"),
                        rows.getBoolean("confidential"),
                        InboxRole.valueOf(rows.getString("role")),
                        DialogueStatus.valueOf(rows.getString("status")),
                        rows.getString("handling_agency"),
                        instant(rows.getTimestamp("due_at")),
                        instant(rows.getTimestamp("last_activity_at")),
                        rows.getBoolean("awaiting_party")))
                .list();
        return new Page<>(items, page, size, total);
    }

    /** Whether the asker ({@code askerKind} BUSINESS or CITIZEN, {@code askerId} such as "MST:0101234567") filed it. */
    public boolean asked(String tenant, ActorKind askerKind, String askerId, UUID dialogueId) {
        return jdbc.sql(
                                """
                        select count(*) from inbox_party
                        where tenant = :tenant and party_kind = :kind and party_id = :party and dialogue_id = :id
                          and role = 'ASKER'
                        """)
                        .param("tenant", tenant)
                        .param("kind", askerKind.name())
                        .param("party", askerId)
                        .param("id", dialogueId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whether an agency of a tenant takes part in a dialogue (as its moderator or a department it was forwarded to). */
    public boolean involves(String tenant, String agency, UUID dialogueId) {
        return jdbc.sql(
                                """
                        select count(*) from inbox_party
                        where tenant = :tenant and party_kind = 'AGENCY' and party_id = :agency and dialogue_id = :id
                        """)
                        .param("tenant", tenant)
                        .param("agency", agency)
                        .param("id", dialogueId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
