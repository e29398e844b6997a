package vn.edialog.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edialog.query.support.Parties.BUSINESS;
import static vn.edialog.query.support.Parties.SKHDT;
import static vn.edialog.query.support.Parties.vn;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.dialogue.api.DialogueAnswered;
import vn.edialog.command.dialogue.api.Evidence;
import vn.edialog.command.dialogue.api.EvidenceChain;
import vn.edialog.command.dialogue.api.ForwardAcknowledged;
import vn.edialog.command.dialogue.api.SignedPayload;
import vn.edialog.query.support.Parties;
import vn.edialog.query.support.Projector;
import vn.edialog.query.support.Recorded;
import vn.edialog.query.support.Story;
import vn.edialog.query.support.Tables;
import vn.edialog.query.support.TestDatabase;
import vn.edialog.query.support.TestKeys;

class DialogueTimelineProjectionIT {

    private static NamedParameterJdbcTemplate database;
    private static JdbcClient jdbc;
    private static DialogueTimelineProjection timeline;
    private static DialogueTimelineQueries timelines;

    @BeforeAll
    static void database() {
        database = TestDatabase.fresh();
        jdbc = JdbcClient.create(database);
        timeline = new DialogueTimelineProjection(database);
        timelines = new DialogueTimelineQueries(database);
    }

    @BeforeEach
    void empty() {
        Projector.reset(timeline);
    }

    @Test
    void everyEventOfADialogueBecomesOneRowInOrderWithItsActorAndFacts() {
        Story story = answeredViaForward("timeline-order");
        Projector.apply(timeline, story.events());

        List<TimelineEntry> entries = timelines.timeline(Parties.TENANT, story.id());

        assertThat(entries)
                .extracting(TimelineEntry::sequence, TimelineEntry::eventType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0L, "DialogueAsked"),
                        org.assertj.core.groups.Tuple.tuple(1L, "DialogueForwarded"),
                        org.assertj.core.groups.Tuple.tuple(2L, "ForwardAcknowledged"),
                        org.assertj.core.groups.Tuple.tuple(3L, "DialogueAnswered"),
                        org.assertj.core.groups.Tuple.tuple(4L, "AnswerPublished"));
        assertThat(entries.get(0).actor()).isEqualTo(BUSINESS);
        assertThat(entries.get(0).at()).isEqualTo(vn("2026-03-02T09:00"));
        assertThat(entries.get(1).actor().kind()).isEqualTo(ActorKind.OFFICIAL);
        assertThat(entries.get(1).actor().agency()).isEqualTo(Parties.UBND);
        assertThat(entries.get(0).facts().reference()).isEqualTo("HS-TIMELINEORDER");
        assertThat(entries.get(1).facts())
                .isEqualTo(new TimelineFacts("skhdt", vn("2026-03-06T17:00"), null, 1, null, null, null, null));
        assertThat(entries.get(3).facts())
                .isEqualTo(new TimelineFacts("skhdt", null, null, null, null, "onTime", null, null));
        assertThat(entries.get(4).facts()).isEqualTo(TimelineFacts.NONE);
    }

    @Test
    void rowsKeepCodesAndFactsNeverWords() {
        Story story = answeredViaForward("timeline-codes");
        Projector.apply(timeline, story.events());

        // What the row keeps is what the event says: agency codes, not names, so a renamed agency needs no rebuild.
        assertThat(jdbc.sql(
                                "select fact_agency from timeline_event where dialogue_id = :id and fact_agency is not null")
                        .param("id", story.id())
                        .query(String.class)
                        .list())
                .containsOnly("skhdt");
        assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = 'timeline_event'"
                                + " and column_name like 'summary%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void consecutiveRowsFormTheEvidenceHashChain() {
        Story story = answeredViaForward("timeline-chain");
        Projector.apply(timeline, story.events());

        List<TimelineEntry> entries = timelines.timeline(Parties.TENANT, story.id());

        assertThat(entries.get(0).previousHash()).isEqualTo(EvidenceChain.GENESIS);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).previousHash())
                    .isEqualTo(entries.get(i - 1).hash());
        }
    }

    @Test
    void signerFactsAreReadFromTheFirstCertificateOfTheChain() {
        Story story = answeredViaForward("timeline-signer");
        Projector.apply(timeline, story.events());

        List<TimelineEntry> entries = timelines.timeline(Parties.TENANT, story.id());

        X509Certificate business = TestKeys.pki().business().certificate();
        assertThat(entries.get(0).signer())
                .isEqualTo(new Signer(
                        "Công ty TNHH Thương mại Hoàng Long",
                        "eDialog Public CA",
                        business.getSerialNumber().toString(16).toUpperCase(Locale.ROOT)));
        assertThat(entries.get(1).signer().subjectCommonName()).isEqualTo("Sở Kế hoạch và Đầu tư tỉnh Bắc Ninh");
        assertThat(entries.get(1).signer().issuerCommonName()).isEqualTo("eDialog Official-Duty CA");
    }

    @Test
    void theEvidenceOfOneEventIsReturnedExactlyAsStored() {
        Story story = answeredViaForward("timeline-evidence");
        Projector.apply(timeline, story.events());
        DialogueAnswered answered = (DialogueAnswered) story.events().get(3).event();
        Evidence stored = answered.evidence();

        EventEvidence evidence =
                timelines.evidence(Parties.TENANT, story.id(), 3).orElseThrow();

        assertThat(evidence.eventType()).isEqualTo("DialogueAnswered");
        assertThat(evidence.signedPayload()).isEqualTo(stored.signed().payload());
        assertThat(evidence.signature()).isEqualTo(stored.signed().signature());
        assertThat(evidence.chain()).isEqualTo(stored.signed().chain());
        assertThat(evidence.previousHash()).isEqualTo(stored.previousHash());
        assertThat(evidence.hash()).isEqualTo(stored.hash());
        assertThat(EvidenceChain.isIntact(new Evidence(
                        new SignedPayload(evidence.signedPayload(), evidence.signature(), evidence.chain()),
                        evidence.previousHash(),
                        evidence.hash())))
                .isTrue();
        assertThat(timelines.evidence(Parties.TENANT, story.id(), 99)).isEmpty();
    }

    @Test
    void aChainThatDoesNotParseKeepsTheEvidenceWithoutSignerFacts() {
        Story story = Story.dialogue("timeline-garbage")
                .asked(BUSINESS, "Hỏi", "Nội dung", vn("2026-03-02T09:00"), vn("2026-03-04T17:00"));
        Recorded asked = story.events().get(0);
        var event = (vn.edialog.command.dialogue.api.DialogueAsked) asked.event();
        SignedPayload garbage = new SignedPayload(
                event.evidence().signed().payload(),
                event.evidence().signed().signature(),
                List.of(Base64.getEncoder().encodeToString("not a certificate".getBytes(StandardCharsets.UTF_8))));
        var tampered = new vn.edialog.command.dialogue.api.DialogueAsked(
                event.dialogueId(),
                event.tenant(),
                event.trackingCode(),
                event.topic(),
                event.subject(),
                event.body(),
                event.confidential(),
                event.attachments(),
                event.moderatorAgency(),
                event.triageDueAt(),
                event.actor(),
                event.at(),
                EvidenceChain.link(EvidenceChain.GENESIS, garbage));

        Projector.apply(timeline, new Recorded(0, tampered));

        EventEvidence evidence =
                timelines.evidence(Parties.TENANT, story.id(), 0).orElseThrow();
        assertThat(evidence.signer()).isNull();
        assertThat(evidence.chain()).isEqualTo(garbage.chain());
    }

    @Test
    void theTimelineIsKeyedByTenant() {
        Story story = answeredViaForward("timeline-tenant");
        Projector.apply(timeline, story.events());

        assertThat(timelines.timeline(Parties.OTHER_TENANT, story.id())).isEmpty();
        assertThat(timelines.evidence(Parties.OTHER_TENANT, story.id(), 0)).isEmpty();
        assertThat(timelines.timeline(Parties.TENANT, story.id())).hasSize(5);
    }

    @Test
    void applyingEveryEventTwiceChangesNothing() {
        List<Recorded> events =
                Story.interleaved(answeredViaForward("timeline-twice-1"), returnedThenRejected("timeline-twice-2"));
        Projector.apply(timeline, events);
        var once = Tables.dump(jdbc, "timeline_event", "timeline_chain");

        Projector.apply(timeline, events);
        events.forEach(event -> Projector.apply(timeline, event));

        assertThat(Tables.dump(jdbc, "timeline_event", "timeline_chain")).isEqualTo(once);
        assertThat(Tables.count(jdbc, "timeline_event")).isEqualTo(events.size());
    }

    @Test
    void resetEmptiesTheTimeline() {
        Projector.apply(timeline, answeredViaForward("timeline-reset").events());

        Projector.reset(timeline);

        assertThat(Tables.count(jdbc, "timeline_event")).isZero();
        assertThat(Tables.count(jdbc, "timeline_chain")).isZero();
    }

    @Test
    void eachCertificateChainIsStoredOnceAndEveryEventReadsItsOwnBack() {
        Story first = answeredViaForward("timeline-shared-chain-1");
        Story second = returnedThenRejected("timeline-shared-chain-2");
        List<Recorded> events = Story.interleaved(first, second);
        Projector.apply(timeline, events);

        // Nine events signed with three keys: the business's, the citizen's, and the agency key of the test PKI
        // that every official signs with.
        java.util.Set<List<String>> chains = new java.util.HashSet<>();
        for (Recorded recorded : events) {
            chains.add(evidenceOf(recorded.event()).signed().chain());
        }
        assertThat(events).hasSize(9);
        assertThat(chains).hasSize(3);
        assertThat(Tables.count(jdbc, "timeline_chain")).isEqualTo(3);
        for (Story story : List.of(first, second)) {
            for (Recorded recorded : story.events()) {
                assertThat(timelines
                                .evidence(Parties.TENANT, story.id(), recorded.sequence())
                                .orElseThrow()
                                .chain())
                        .isEqualTo(evidenceOf(recorded.event()).signed().chain());
            }
        }
    }

    @Test
    void aRebuildByReplayGivesIdenticalRows() {
        List<Recorded> events =
                Story.interleaved(answeredViaForward("timeline-rebuild-1"), returnedThenRejected("timeline-rebuild-2"));
        Projector.apply(timeline, events);
        var before = Tables.dump(jdbc, "timeline_event", "timeline_chain");

        Projector.rebuild(timeline, events);

        assertThat(Tables.dump(jdbc, "timeline_event", "timeline_chain")).isEqualTo(before);
    }

    @Test
    void everyEventTypeHasASummary() {
        Story story = Story.dialogue("timeline-all-types")
                .asked(BUSINESS, "Hỏi", "Nội dung", vn("2026-03-02T09:00"), vn("2026-03-04T17:00"))
                .clarificationRequested(vn("2026-03-02T10:00"), vn("2026-03-09T17:00"))
                .clarificationProvided(vn("2026-03-03T10:00"))
                .escalated("TRIAGE", 1, vn("2026-03-05T08:00"))
                .forwarded(SKHDT, vn("2026-03-05T09:00"), vn("2026-03-12T17:00"))
                .acknowledged(vn("2026-03-05T10:00"))
                .extensionRequested(vn("2026-03-06T10:00"), vn("2026-03-19T17:00"))
                .extensionRefused(vn("2026-03-06T11:00"), vn("2026-03-19T17:00"))
                .extensionRequested(vn("2026-03-09T10:00"), vn("2026-03-16T17:00"))
                .extended(vn("2026-03-09T11:00"), vn("2026-03-16T17:00"))
                .returned("Không thuộc thẩm quyền", vn("2026-03-10T09:00"))
                .answered("Trả lời", vn("2026-03-10T15:00"))
                .published(vn("2026-03-10T16:00"))
                .rated(4, vn("2026-03-11T09:00"))
                .closed(vn("2026-03-12T09:00"))
                .reopened(vn("2026-03-13T09:00"), vn("2026-03-17T17:00"))
                .rejected(vn("2026-03-13T10:00"));
        Projector.apply(timeline, story.events());

        List<TimelineEntry> entries = timelines.timeline(Parties.TENANT, story.id());

        assertThat(entries).hasSize(story.events().size());
        // All sixteen event types of the published language; the extension was requested twice.
        assertThat(entries.stream().map(TimelineEntry::eventType).distinct()).hasSize(16);
        assertThat(entries)
                .filteredOn(entry -> entry.eventType().equals("DeadlineExtended"))
                .singleElement()
                .extracting(TimelineEntry::facts)
                .isEqualTo(new TimelineFacts(
                        "skhdt", vn("2026-03-16T17:00"), vn("2026-03-12T17:00"), null, null, null, null, null));
        assertThat(entries)
                .filteredOn(entry -> entry.eventType().equals(ForwardAcknowledged.class.getSimpleName()))
                .singleElement()
                .extracting(TimelineEntry::facts)
                .isEqualTo(new TimelineFacts("skhdt", null, null, 1, null, null, null, null));
        assertThat(entries)
                .filteredOn(entry -> entry.eventType().equals("ForwardReturned"))
                .singleElement()
                .extracting(entry -> entry.facts().reason())
                .isEqualTo("Không thuộc thẩm quyền");
        assertThat(entries)
                .filteredOn(entry -> entry.eventType().equals("DialogueRejected"))
                .singleElement()
                .extracting(entry -> entry.facts().code())
                .isEqualTo("OUT_OF_SCOPE");
    }

    /** The evidence every event of the published language carries. */
    static Evidence evidenceOf(Object event) {
        try {
            return (Evidence) event.getClass().getMethod("evidence").invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(event.getClass() + " carries no evidence", e);
        }
    }

    static Story answeredViaForward(String name) {
        return Story.dialogue(name)
                .asked(
                        BUSINESS,
                        "Hoàn thuế giá trị gia tăng",
                        "Thủ tục hoàn thuế?",
                        vn("2026-03-02T09:00"),
                        vn("2026-03-04T17:00"))
                .forwarded(SKHDT, vn("2026-03-02T14:00"), vn("2026-03-06T17:00"))
                .acknowledged(vn("2026-03-02T15:00"))
                .answered("Theo Luật Thuế giá trị gia tăng...", vn("2026-03-05T10:00"))
                .published(vn("2026-03-05T11:00"));
    }

    private static Story returnedThenRejected(String name) {
        return Story.dialogue(name)
                .asked(Parties.CITIZEN, "Đất đai", "Hỏi về đất", vn("2026-03-02T09:30"), vn("2026-03-04T17:00"))
                .forwarded(SKHDT, vn("2026-03-02T15:00"), vn("2026-03-06T17:00"))
                .returned("Không thuộc thẩm quyền", vn("2026-03-03T09:00"))
                .rejected(vn("2026-03-03T10:00"));
    }
}
