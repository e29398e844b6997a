package vn.edialog.query;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edialog.query.support.Parties.BUSINESS;
import static vn.edialog.query.support.Parties.CITIZEN;
import static vn.edialog.query.support.Parties.SKHDT;
import static vn.edialog.query.support.Parties.STNMT;
import static vn.edialog.query.support.Parties.vn;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.query.inbox.PartyInboxProjection;
import vn.edialog.query.portal.PublishedDialogueProjection;
import vn.edialog.query.sla.SlaFactsProjection;
import vn.edialog.query.summary.DialogueSummaryProjection;
import vn.edialog.query.support.Projector;
import vn.edialog.query.support.Recorded;
import vn.edialog.query.support.Story;
import vn.edialog.query.support.Tables;
import vn.edialog.query.support.TestDatabase;
import vn.edialog.query.timeline.DialogueTimelineProjection;

/**
 * Every projection writes the same tables whether its events come one by one or in a tracking processor's batches
 * (writes collected per unit of work and sent as JDBC batches), and a batched replay of the same events changes
 * nothing: the stories below use every event type, interleaved as a processor sees them.
 */
class BatchedReplayIT {

    private static NamedParameterJdbcTemplate database;
    private static JdbcClient jdbc;

    private static final List<Recorded> EVENTS = Story.interleaved(
            Story.dialogue("batch-a")
                    .asked(BUSINESS, "A", "A?", vn("2026-03-02T09:00"), vn("2026-03-04T17:00"))
                    .forwarded(SKHDT, vn("2026-03-02T14:00"), vn("2026-03-06T17:00"))
                    .acknowledged(vn("2026-03-02T15:00"))
                    .extensionRequested(vn("2026-03-05T09:00"), vn("2026-03-11T17:00"))
                    .extended(vn("2026-03-05T10:00"), vn("2026-03-11T17:00"))
                    .answered("A.", vn("2026-03-10T10:00"))
                    .published(vn("2026-03-10T11:00"))
                    .rated(5, vn("2026-03-10T12:00"))
                    .withdrawn(vn("2026-03-11T09:00")),
            Story.dialogue("batch-b")
                    .asked(CITIZEN, "B", "B?", vn("2026-03-03T09:00"), vn("2026-03-05T17:00"))
                    .forwarded(SKHDT, vn("2026-03-03T10:00"), vn("2026-03-06T17:00"))
                    .extensionRequested(vn("2026-03-04T09:00"), vn("2026-03-12T17:00"))
                    .extensionRefused(vn("2026-03-04T10:00"), vn("2026-03-12T17:00"))
                    .escalated("ANSWER", 1, vn("2026-03-09T08:00"))
                    .answered("B.", vn("2026-03-09T09:00"))
                    .rated(2, vn("2026-03-09T12:00"))
                    .closed(vn("2026-03-16T17:00"))
                    .reopened(vn("2026-03-17T09:00"), vn("2026-03-19T17:00"))
                    .published(vn("2026-03-09T10:00"))
                    .answered("B again.", vn("2026-03-18T09:00"))
                    .publishedRedacted("B? [redacted]", "B again [redacted].", vn("2026-03-18T10:00")),
            Story.dialogue("batch-c")
                    .asked(BUSINESS, "C", "C?", vn("2026-03-04T09:00"), vn("2026-03-06T17:00"))
                    .clarificationRequested(vn("2026-03-04T10:00"), vn("2026-03-20T17:00"))
                    .clarificationProvided(vn("2026-03-05T09:00"))
                    .escalated("TRIAGE", 1, vn("2026-03-09T08:00"))
                    .forwarded(STNMT, vn("2026-03-09T10:00"), vn("2026-03-16T17:00"))
                    .returned("Không thuộc thẩm quyền của Sở", vn("2026-03-10T09:00"))
                    .forwarded(SKHDT, vn("2026-03-10T10:00"), vn("2026-03-17T17:00")),
            Story.dialogue("batch-d")
                    .asked(CITIZEN, "D", "D?", vn("2026-03-05T09:00"), vn("2026-03-09T17:00"))
                    .rejected(vn("2026-03-05T10:00")),
            Story.dialogue("batch-e")
                    .confidential()
                    .asked(BUSINESS, "E", "E?", vn("2026-03-06T09:00"), vn("2026-03-10T17:00"))
                    .answered("E.", vn("2026-03-06T11:00")),
            Story.dialogue("batch-f")
                    .asked(BUSINESS, "F", "F?", vn("2026-03-07T09:00"), vn("2026-03-11T17:00"))
                    .answered("F.", vn("2026-03-07T11:00"))
                    .keptPrivate(vn("2026-03-07T12:00")));

    @BeforeAll
    static void database() {
        database = TestDatabase.fresh();
        jdbc = JdbcClient.create(database);
    }

    private static Object projection(String name) {
        return switch (name) {
            case "summary" -> new DialogueSummaryProjection(database);
            case "timeline" -> new DialogueTimelineProjection(database);
            case "portal" -> new PublishedDialogueProjection(database);
            case "inbox" -> new PartyInboxProjection(database);
            case "sla" -> new SlaFactsProjection(database, WorkingDayCalendar.weekendsOnly());
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String[] tables(String name) {
        return switch (name) {
            case "summary" -> new String[] {"dialogue_summary"};
            case "timeline" -> new String[] {"timeline_event", "timeline_chain"};
            case "portal" -> new String[] {"portal_dialogue", "published_dialogue"};
            case "inbox" -> new String[] {"inbox_dialogue", "inbox_party"};
            case "sla" -> new String[] {"sla_dialogue", "sla_step"};
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary", "timeline", "portal", "inbox", "sla"})
    void batchesOfEventsWriteWhatEventsOneByOneWrite(String name) {
        Object projection = projection(name);
        Projector.reset(projection);
        Projector.apply(projection, EVENTS);
        Map<String, List<String>> oneByOne = Tables.dump(jdbc, tables(name));
        assertThat(oneByOne.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());

        for (int batchSize : new int[] {7, 100}) {
            Projector.reset(projection);
            Projector.applyInBatches(projection, EVENTS, batchSize);
            assertThat(Tables.dump(jdbc, tables(name)))
                    .as("batches of " + batchSize)
                    .isEqualTo(oneByOne);
        }

        Projector.applyInBatches(projection, EVENTS, 100);
        assertThat(Tables.dump(jdbc, tables(name)))
                .as("a replay without reset changes nothing")
                .isEqualTo(oneByOne);
    }
}
