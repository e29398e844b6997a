package vn.edialog.query.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.edialog.query.support.Parties.BUSINESS;
import static vn.edialog.query.support.Parties.CITIZEN;
import static vn.edialog.query.support.Parties.OTHER_BUSINESS;
import static vn.edialog.query.support.Parties.OTHER_TENANT;
import static vn.edialog.query.support.Parties.SKHDT;
import static vn.edialog.query.support.Parties.STNMT;
import static vn.edialog.query.support.Parties.TENANT;
import static vn.edialog.query.support.Parties.THUE;
import static vn.edialog.query.support.Parties.UBND;
import static vn.edialog.query.support.Parties.vn;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.dialogue.api.DialogueStatus;
import vn.edialog.query.Page;
import vn.edialog.query.support.Projector;
import vn.edialog.query.support.Recorded;
import vn.edialog.query.support.Story;
import vn.edialog.query.support.Tables;
import vn.edialog.query.support.TestDatabase;

class PartyInboxProjectionIT {

    private static NamedParameterJdbcTemplate database;
    private static JdbcClient jdbc;
    private static PartyInboxProjection inbox;
    private static PartyInboxQueries inboxes;

    /** Forwarded to skhdt, returned, forwarded to stnmt, extended and answered there. */
    private final Story answered = Story.dialogue("inbox-answered")
            .asked(
                    BUSINESS,
                    "Giấy phép xây dựng nhà xưởng",
                    "Hồ sơ gồm gì?",
                    vn("2026-03-02T09:00"),
                    vn("2026-03-04T17:00"))
            .forwarded(SKHDT, vn("2026-03-02T14:00"), vn("2026-03-09T17:00"))
            .returned("Không thuộc thẩm quyền", vn("2026-03-03T09:00"))
            .forwarded(STNMT, vn("2026-03-03T10:00"), vn("2026-03-10T17:00"))
            .acknowledged(vn("2026-03-03T11:00"))
            .extensionRequested(vn("2026-03-09T09:00"), vn("2026-03-13T17:00"))
            .extended(vn("2026-03-09T10:00"), vn("2026-03-13T17:00"))
            .answered("Hồ sơ gồm đơn đề nghị và bản vẽ.", vn("2026-03-12T15:00"));

    /** The moderator waits for the citizen's clarification. */
    private final Story awaitingClarification = Story.dialogue("inbox-clarification")
            .asked(CITIZEN, "Cấp lại sổ đỏ", "Mất sổ thì làm sao?", vn("2026-03-04T09:00"), vn("2026-03-06T17:00"))
            .clarificationRequested(vn("2026-03-04T10:00"), vn("2026-03-11T17:00"));

    private final Story rejected = Story.dialogue("inbox-rejected")
            .asked(OTHER_BUSINESS, "Quảng cáo", "Hỏi ngoài phạm vi", vn("2026-03-05T09:00"), vn("2026-03-09T17:00"))
            .rejected(vn("2026-03-05T10:00"));

    /** The same business, in another province. */
    private final Story elsewhere = Story.dialogue("inbox-elsewhere")
            .tenant(OTHER_TENANT)
            .asked(BUSINESS, "Thuế nhà thầu", "Hỏi", vn("2026-03-06T09:00"), vn("2026-03-10T17:00"));

    @BeforeAll
    static void database() {
        database = TestDatabase.fresh();
        jdbc = JdbcClient.create(database);
        inbox = new PartyInboxProjection(database);
        inboxes = new PartyInboxQueries(database);
    }

    @BeforeEach
    void empty() {
        Projector.reset(inbox);
    }

    @Test
    void theAskerSeesOnlyTheDialoguesHeFiled() {
        Projector.apply(inbox, allEvents());

        Page<InboxEntry> business = inboxes.askerInbox(TENANT, ActorKind.BUSINESS, BUSINESS.id(), Set.of(), 0, 20);
        Page<InboxEntry> citizen = inboxes.askerInbox(TENANT, ActorKind.CITIZEN, CITIZEN.id(), Set.of(), 0, 20);

        assertThat(business.items()).singleElement().satisfies(entry -> {
            assertThat(entry.dialogueId()).isEqualTo(answered.id());
            assertThat(entry.trackingCode()).isEqualTo(answered.trackingCode());
            assertThat(entry.subject()).isEqualTo("Giấy phép xây dựng nhà xưởng");
            assertThat(entry.role()).isEqualTo(InboxRole.ASKER);
            assertThat(entry.status()).isEqualTo(DialogueStatus.ANSWERED);
            assertThat(entry.handlingAgency()).isEqualTo(STNMT);
            assertThat(entry.dueAt()).isNull();
            assertThat(entry.lastActivityAt()).isEqualTo(vn("2026-03-12T15:00"));
            assertThat(entry.awaitingParty()).isFalse();
        });
        assertThat(citizen.items()).singleElement().satisfies(entry -> {
            assertThat(entry.dialogueId()).isEqualTo(awaitingClarification.id());
            assertThat(entry.status()).isEqualTo(DialogueStatus.AWAITING_CLARIFICATION);
            assertThat(entry.dueAt()).isEqualTo(vn("2026-03-11T17:00"));
            assertThat(entry.awaitingParty()).isTrue();
        });
        assertThat(ids(inboxes.askerInbox(TENANT, ActorKind.BUSINESS, OTHER_BUSINESS.id(), Set.of(), 0, 20)))
                .containsExactly(rejected.id());
        // The kind is part of the key: the business's id under another kind finds nothing.
        assertThat(inboxes.askerInbox(TENANT, ActorKind.CITIZEN, BUSINESS.id(), Set.of(), 0, 20)
                        .total())
                .isZero();
        assertThatThrownBy(() -> inboxes.askerInbox(TENANT, ActorKind.OFFICIAL, "cb-ubnd-01", Set.of(), 0, 20))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theModeratorAndEveryDepartmentTheDialogueWasForwardedToSeeIt() {
        Projector.apply(inbox, allEvents());

        assertThat(ids(inboxes.agencyInbox(TENANT, UBND, Set.of(), 0, 20)))
                .containsExactly(answered.id(), rejected.id(), awaitingClarification.id());
        assertThat(inboxes.agencyInbox(TENANT, UBND, Set.of(), 0, 20).items())
                .allSatisfy(entry -> assertThat(entry.role()).isEqualTo(InboxRole.MODERATOR));
        assertThat(inboxes.agencyInbox(TENANT, SKHDT, Set.of(), 0, 20).items())
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.dialogueId()).isEqualTo(answered.id());
                    assertThat(entry.role()).isEqualTo(InboxRole.DEPARTMENT);
                    assertThat(entry.subject()).isEqualTo("Giấy phép xây dựng nhà xưởng");
                    assertThat(entry.handlingAgency()).isEqualTo(STNMT);
                });
        assertThat(ids(inboxes.agencyInbox(TENANT, STNMT, Set.of(), 0, 20))).containsExactly(answered.id());
        assertThat(inboxes.agencyInbox(TENANT, THUE, Set.of(), 0, 20).total()).isZero();
    }

    @Test
    void statusHandlingAgencyAndDueDateFollowTheDialogue() {
        List<Recorded> events = answered.events();

        Projector.apply(inbox, events.subList(0, 2));
        assertThat(entryOf(SKHDT))
                .extracting(
                        InboxEntry::status, InboxEntry::handlingAgency, InboxEntry::dueAt, InboxEntry::awaitingParty)
                .containsExactly(DialogueStatus.FORWARDED, SKHDT, vn("2026-03-09T17:00"), true);

        Projector.apply(inbox, events.subList(2, 3));
        assertThat(entryOf(UBND))
                .extracting(
                        InboxEntry::status, InboxEntry::handlingAgency, InboxEntry::dueAt, InboxEntry::awaitingParty)
                .containsExactly(DialogueStatus.AWAITING_TRIAGE, UBND, vn("2026-03-04T17:00"), true);
        assertThat(entryOf(SKHDT).awaitingParty()).isFalse();

        Projector.apply(inbox, events.subList(3, 7));
        assertThat(entryOf(STNMT))
                .extracting(InboxEntry::status, InboxEntry::handlingAgency, InboxEntry::dueAt)
                .containsExactly(DialogueStatus.FORWARDED, STNMT, vn("2026-03-13T17:00"));

        Projector.apply(inbox, events.subList(7, 8));
        assertThat(entryOf(STNMT))
                .extracting(InboxEntry::status, InboxEntry::dueAt, InboxEntry::awaitingParty)
                .containsExactly(DialogueStatus.ANSWERED, null, false);
    }

    @Test
    void aProvidedClarificationResumesTheStepWithItsDueDate() {
        Story story = Story.dialogue("inbox-resumed")
                .asked(CITIZEN, "Hộ khẩu", "Hỏi", vn("2026-03-02T09:00"), vn("2026-03-04T17:00"))
                .forwarded(SKHDT, vn("2026-03-02T10:00"), vn("2026-03-09T17:00"))
                .clarificationRequested(vn("2026-03-03T09:00"), vn("2026-03-05T17:00"))
                .clarificationProvided(vn("2026-03-04T09:00"));

        Projector.apply(inbox, story.events());

        InboxEntry entry = inboxes.askerInbox(TENANT, ActorKind.CITIZEN, CITIZEN.id(), Set.of(), 0, 20)
                .items()
                .get(0);
        assertThat(entry.status()).isEqualTo(DialogueStatus.FORWARDED);
        assertThat(entry.dueAt()).isEqualTo(vn("2026-03-09T17:00"));
        assertThat(entry.awaitingParty()).isFalse();
    }

    @Test
    void inboxesFilterByStatusAndComePagedLatestActivityFirst() {
        Projector.apply(inbox, allEvents());

        Page<InboxEntry> finished =
                inboxes.agencyInbox(TENANT, UBND, Set.of(DialogueStatus.ANSWERED, DialogueStatus.REJECTED), 0, 20);
        Page<InboxEntry> first = inboxes.agencyInbox(TENANT, UBND, Set.of(), 0, 2);
        Page<InboxEntry> second = inboxes.agencyInbox(TENANT, UBND, Set.of(), 1, 2);

        assertThat(ids(finished)).containsExactly(answered.id(), rejected.id());
        assertThat(finished.total()).isEqualTo(2);
        assertThat(ids(first)).containsExactly(answered.id(), rejected.id());
        assertThat(first.total()).isEqualTo(3);
        assertThat(ids(second)).containsExactly(awaitingClarification.id());
        assertThat(inboxes.agencyInbox(TENANT, UBND, Set.of(DialogueStatus.CLOSED), 0, 20)
                        .total())
                .isZero();
        assertThatThrownBy(() -> inboxes.agencyInbox(TENANT, UBND, Set.of(), 0, 101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTenantIsPartOfEveryKey() {
        Projector.apply(inbox, allEvents());

        assertThat(ids(inboxes.askerInbox(OTHER_TENANT, ActorKind.BUSINESS, BUSINESS.id(), Set.of(), 0, 20)))
                .containsExactly(elsewhere.id());
        assertThat(ids(inboxes.askerInbox(TENANT, ActorKind.BUSINESS, BUSINESS.id(), Set.of(), 0, 20)))
                .containsExactly(answered.id());
        assertThat(ids(inboxes.agencyInbox(OTHER_TENANT, UBND, Set.of(), 0, 20)))
                .containsExactly(elsewhere.id());
    }

    @Test
    void applyingEveryEventTwiceChangesNothing() {
        List<Recorded> events = allEvents();
        Projector.apply(inbox, events);
        var once = Tables.dump(jdbc, "inbox_dialogue", "inbox_party");

        events.forEach(event -> Projector.apply(inbox, event));
        Projector.apply(inbox, events);

        assertThat(Tables.dump(jdbc, "inbox_dialogue", "inbox_party")).isEqualTo(once);
    }

    @Test
    void aRedeliveredOlderEventDoesNotRollTheStatusBack() {
        Projector.apply(inbox, answered.events());

        Projector.apply(inbox, answered.events().get(1));

        assertThat(entryOf(UBND).status()).isEqualTo(DialogueStatus.ANSWERED);
    }

    @Test
    void resetEmptiesTheInboxes() {
        Projector.apply(inbox, allEvents());

        Projector.reset(inbox);

        assertThat(Tables.count(jdbc, "inbox_dialogue")).isZero();
        assertThat(Tables.count(jdbc, "inbox_party")).isZero();
    }

    @Test
    void aRebuildByReplayGivesIdenticalRows() {
        List<Recorded> events = allEvents();
        Projector.apply(inbox, events);
        var before = Tables.dump(jdbc, "inbox_dialogue", "inbox_party");

        Projector.rebuild(inbox, events);

        assertThat(Tables.dump(jdbc, "inbox_dialogue", "inbox_party")).isEqualTo(before);
    }

    private List<Recorded> allEvents() {
        return Story.interleaved(answered, awaitingClarification, rejected, elsewhere);
    }

    private InboxEntry entryOf(String agency) {
        return inboxes.agencyInbox(TENANT, agency, Set.of(), 0, 20).items().stream()
                .filter(entry -> entry.dialogueId().equals(answered.id()))
                .findFirst()
                .orElseThrow();
    }

    private static List<UUID> ids(Page<InboxEntry> page) {
        return page.items().stream().map(InboxEntry::dialogueId).toList();
    }
}
