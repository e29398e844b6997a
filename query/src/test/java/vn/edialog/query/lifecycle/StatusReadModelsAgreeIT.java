package vn.edialog.query.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edialog.query.support.Parties.BUSINESS;
import static vn.edialog.query.support.Parties.CITIZEN;
import static vn.edialog.query.support.Parties.SKHDT;
import static vn.edialog.query.support.Parties.STNMT;
import static vn.edialog.query.support.Parties.vn;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.query.inbox.PartyInboxProjection;
import vn.edialog.query.inbox.PartyInboxQueries;
import vn.edialog.query.summary.DialogueSummaryProjection;
import vn.edialog.query.summary.DialogueSummaryQueries;
import vn.edialog.query.support.Projector;
import vn.edialog.query.support.Recorded;
import vn.edialog.query.support.Story;
import vn.edialog.query.support.TestDatabase;

/**
 * The status read model (the tracking page, the status API) and the parties' inboxes derive a dialogue's stage, status
 * and due date from the same lifecycle table: after every single event of these stories both say the same. Before,
 * after a provided clarification the summary kept the clarification's due date, and after a returned forward it had
 * none while the inbox showed the triage deadline.
 */
class StatusReadModelsAgreeIT {

    private static NamedParameterJdbcTemplate database;
    private static JdbcClient jdbc;
    private static DialogueSummaryProjection summary;
    private static DialogueSummaryQueries summaries;
    private static PartyInboxProjection inbox;
    private static PartyInboxQueries inboxes;

    @BeforeAll
    static void database() {
        database = TestDatabase.fresh();
        jdbc = JdbcClient.create(database);
        summary = new DialogueSummaryProjection(database);
        summaries = new DialogueSummaryQueries(database);
        inbox = new PartyInboxProjection(database);
        inboxes = new PartyInboxQueries(database);
    }

    @BeforeEach
    void empty() {
        Projector.reset(summary);
        Projector.reset(inbox);
    }

    @Test
    void aClarificationProvidedToTheDepartmentRunsAgainstTheForwardsDeadline() {
        Story story = Story.dialogue("agree-clarified")
                .asked(BUSINESS, "Đăng ký thay đổi", "Hỏi", vn("2026-03-02T09:00"), vn("2026-03-04T17:00"))
                .forwarded(SKHDT, vn("2026-03-02T14:00"), vn("2026-03-16T17:00"))
                .clarificationRequested(vn("2026-03-03T09:00"), vn("2026-03-10T17:00"))
                .extensionRequested(vn("2026-03-04T09:00"), vn("2026-03-20T17:00"))
                .extended(vn("2026-03-04T10:00"), vn("2026-03-20T17:00"))
                .clarificationProvided(vn("2026-03-05T09:00"));

        List<Row> rows = stepByStep(story);

        assertThat(rows.get(4).dueAt())
                .as("an extension approved while the asker is asked keeps the clarification's deadline running")
                .isEqualTo(vn("2026-03-10T17:00"));
        Row last = rows.get(rows.size() - 1);
        assertThat(last.status()).isEqualTo("FORWARDED");
        assertThat(last.dueAt()).as("the extended forward's deadline").isEqualTo(vn("2026-03-20T17:00"));
    }

    @Test
    void aReturnedForwardRunsAgainstTheTriageDeadlineItRecords() {
        Story story = Story.dialogue("agree-returned")
                .asked(CITIZEN, "Cấp phép", "Hỏi", vn("2026-03-02T09:00"), vn("2026-03-04T17:00"))
                .forwarded(SKHDT, vn("2026-03-02T14:00"), vn("2026-03-16T17:00"))
                .returned("Không thuộc thẩm quyền", vn("2026-03-09T09:00"), vn("2026-03-11T17:00"))
                .forwarded(STNMT, vn("2026-03-09T10:00"), vn("2026-03-23T17:00"))
                .returned("Cũng không thuộc", vn("2026-03-10T09:00"));

        List<Row> rows = stepByStep(story);

        assertThat(rows.get(2).status()).isEqualTo("AWAITING_TRIAGE");
        assertThat(rows.get(2).dueAt())
                .as("the fresh triage period of the return")
                .isEqualTo(vn("2026-03-11T17:00"));
        assertThat(rows.get(4).dueAt())
                .as("a return recorded without a deadline (revision 1) runs against the recorded one")
                .isEqualTo(vn("2026-03-11T17:00"));
    }

    @Test
    void aWholeLifecycleAgreesEventByEvent() {
        Story story = Story.dialogue("agree-whole")
                .asked(BUSINESS, "Ưu đãi đầu tư", "Hỏi", vn("2026-03-02T09:00"), vn("2026-03-04T17:00"))
                .clarificationRequested(vn("2026-03-02T10:00"), vn("2026-03-09T17:00"))
                .clarificationProvided(vn("2026-03-03T09:00"))
                .forwarded(SKHDT, vn("2026-03-03T14:00"), vn("2026-03-17T17:00"))
                .acknowledged(vn("2026-03-03T15:00"))
                .escalated("ANSWER", 1, vn("2026-03-18T08:00"))
                .answered("Trả lời", vn("2026-03-18T09:00"))
                .rated(4, vn("2026-03-19T09:00"))
                .closed(vn("2026-03-26T09:00"))
                .reopened(vn("2026-03-27T09:00"), vn("2026-03-31T17:00"))
                .rejected(vn("2026-03-27T10:00"));

        List<Row> rows = stepByStep(story);

        assertThat(rows)
                .extracting(Row::status)
                .containsExactly(
                        "AWAITING_TRIAGE",
                        "AWAITING_CLARIFICATION",
                        "AWAITING_TRIAGE",
                        "FORWARDED",
                        "FORWARDED",
                        "FORWARDED",
                        "ANSWERED",
                        "ANSWERED",
                        "CLOSED",
                        "AWAITING_TRIAGE",
                        "REJECTED");
        assertThat(rows.get(2).dueAt())
                .as("back in triage after the clarification")
                .isEqualTo(vn("2026-03-04T17:00"));
        assertThat(rows.get(9).dueAt()).isEqualTo(vn("2026-03-31T17:00"));
        assertThat(rows.get(10).dueAt()).isNull();
    }

    /** Applies the story one event at a time to both read models; after each, both must say the same. */
    private static List<Row> stepByStep(Story story) {
        List<Recorded> events = story.events();
        List<Row> rows = new java.util.ArrayList<>();
        for (Recorded event : events) {
            Projector.apply(summary, event);
            Projector.apply(inbox, event);
            Row fromSummary = row("dialogue_summary", story.id());
            Row fromInbox = row("inbox_dialogue", story.id());
            assertThat(fromInbox)
                    .as("after " + event.event().getClass().getSimpleName())
                    .isEqualTo(fromSummary);
            rows.add(fromSummary);
        }
        return rows;
    }

    private static Row row(String table, UUID id) {
        return jdbc.sql("select stage, status, due_at from " + table + " where dialogue_id = :id")
                .param("id", id)
                .query((r, n) -> new Row(
                        r.getString("stage"),
                        r.getString("status"),
                        Optional.ofNullable(r.getTimestamp("due_at"))
                                .map(Timestamp::toInstant)
                                .orElse(null)))
                .single();
    }

    private record Row(String stage, String status, Instant dueAt) {}
}
