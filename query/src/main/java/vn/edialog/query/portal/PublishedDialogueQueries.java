package vn.edialog.query.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.query.Page;

/** Reads {@code published_dialogue}, which {@link PublishedDialogueProjection} writes: the portal's answers and search. */
public class PublishedDialogueQueries {

    /** Single search words up to this many letters are also matched inside words, not only as whole words. */
    static final int SHORT_TERM = 3;

    private static final String COLUMNS =
            """
            p.dialogue_id, p.tenant, p.topic, p.subject, p.question, p.answer, p.answering_agency, p.asker_kind,
            p.answered_at, p.published_at, p.redacted""";

    private final JdbcClient jdbc;

    public PublishedDialogueQueries(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** One published dialogue of {@code tenant}. */
    public Optional<PublishedDialogue> find(String tenant, UUID dialogueId) {
        return jdbc.sql("select " + COLUMNS
                        + " from published_dialogue p where p.tenant = :tenant and p.dialogue_id = :id")
                .param("tenant", tenant)
                .param("id", dialogueId)
                .query((rows, n) -> published(rows))
                .optional();
    }

    /**
     * The published dialogues matching {@code query}: words match with or without diacritics and in any case (all
     * words must occur; quotes, {@code or} and {@code -word} work as in web search engines); a single word of up to
     * {@value #SHORT_TERM} letters also matches inside words. Ordered by relevance, then newest answer first.
     */
    public Page<PublishedDialogue> search(PortalSearchQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where p.tenant = :tenant");
        params.put("tenant", query.tenant());
        String order = "";
        String from = " from published_dialogue p";
        if (!query.text().isEmpty()) {
            from += ", websearch_to_tsquery('simple', f_unaccent(lower(:text))) q";
            params.put("text", query.text());
            order = "ts_rank_cd(p.search_vector, q) desc, ";
            if (isShortTerm(query.text())) {
                where.append(
                        " and (p.search_vector @@ q or p.search_text ilike '%' || f_unaccent(lower(:pattern)) || '%')");
                params.put("pattern", likeEscaped(query.text()));
            } else {
                where.append(" and p.search_vector @@ q");
            }
        }
        if (query.agency() != null) {
            where.append(" and p.answering_agency = :agency");
            params.put("agency", query.agency());
        }
        if (query.topic() != null) {
            where.append(" and p.topic = :topic");
            params.put("topic", query.topic());
        }
        if (query.answeredFrom() != null) {
            where.append(" and p.answered_at >= :answeredFrom");
            params.put("answeredFrom", Timestamp.from(query.answeredFrom()));
        }
        if (query.answeredTo() != null) {
            where.append(" and p.answered_at < :answeredTo");
            params.put("answeredTo", Timestamp.from(query.answeredTo()));
        }
        long total = jdbc.sql("select count(*)" + from + where)
                .params(params)
                .query(Long.class)
                .single();
        List<PublishedDialogue> items = jdbc.sql("select " + COLUMNS + from + where + " order by " + order
                        + "p.answered_at desc, p.dialogue_id limit :limit offset :offset")
                .params(params)
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query((rows, n) -> published(rows))
                .list();
        return new Page<>(items, query.page(), query.size(), total);
    }

    /** The {@code limit} (1 to {@value Page#MAX_SIZE}) latest publications of {@code tenant}, newest first. */
    public List<PublishedDialogue> newestPublished(String tenant, int limit) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("tenant is required");
        }
        Page.check(0, limit);
        return jdbc.sql("select " + COLUMNS
                        + " from published_dialogue p where p.tenant = :tenant"
                        + " order by p.published_at desc, p.dialogue_id limit :limit")
                .param("tenant", tenant)
                .param("limit", limit)
                .query((rows, n) -> published(rows))
                .list();
    }

    static boolean isShortTerm(String text) {
        return text.codePoints().noneMatch(Character::isWhitespace)
                && text.codePointCount(0, text.length()) <= SHORT_TERM;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static PublishedDialogue published(ResultSet rows) throws SQLException {
        return new PublishedDialogue(
                rows.getObject("dialogue_id", UUID.class),
                rows.getString("tenant"),
                rows.getString("topic"),
                rows.getString("subject"),
                rows.getString("question"),
                rows.getString("answer"),
                rows.getString("answering_agency"),
                ActorKind.valueOf(rows.getString("asker_kind")),
                instant(rows.getTimestamp("answered_at")),
                instant(rows.getTimestamp("published_at")),
                rows.getBoolean("redacted"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
