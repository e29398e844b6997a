package vn.edialog.query.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.edialog.query.support.Parties.BUSINESS;
import static vn.edialog.query.support.Parties.CITIZEN;
import static vn.edialog.query.support.Parties.STNMT;
import static vn.edialog.query.support.Parties.TENANT;
import static vn.edialog.query.support.Parties.THUE;
import static vn.edialog.query.support.Parties.vn;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.pki.GeneratedPki;
import vn.edialog.query.Page;
import vn.edialog.query.support.Parties;
import vn.edialog.query.support.Projector;
import vn.edialog.query.support.Recorded;
import vn.edialog.query.support.Story;
import vn.edialog.query.support.Tables;
import vn.edialog.query.support.TestDatabase;

class PublishedDialogueProjectionIT {

    private static NamedParameterJdbcTemplate database;
    private static JdbcClient jdbc;
    private static PublishedDialogueProjection portal;
    private static PublishedDialogueQueries portalQueries;

    private final Story vat = Story.dialogue("portal-vat")
            .topic("thue")
            .asked(
                    BUSINESS,
                    "Hoàn thuế giá trị gia tăng cho hàng xuất khẩu",
                    "Doanh nghiệp xuất khẩu được hoàn thuế GTGT như thế nào?",
                    vn("2026-03-02T09:00"),
                    vn("2026-03-04T17:00"))
            .forwarded(THUE, vn("2026-03-02T14:00"), vn("2026-03-09T17:00"))
            .answered("Theo Luật Thuế giá trị gia tăng, hồ sơ hoàn thuế nộp tại Cục Thuế.", vn("2026-03-05T10:00"))
            .published(vn("2026-03-05T11:00"));

    private final Story land = Story.dialogue("portal-land")
            .topic("dat-dai")
            .asked(
                    CITIZEN,
                    "Chuyển mục đích sử dụng đất",
                    "Đất vườn có được chuyển sang đất ở không?",
                    vn("2026-03-03T09:00"),
                    vn("2026-03-05T17:00"))
            .forwarded(STNMT, vn("2026-03-03T14:00"), vn("2026-03-10T17:00"))
            .answered("Được, nếu phù hợp quy hoạch sử dụng đất.", vn("2026-03-06T10:00"))
            .published(vn("2026-03-06T11:00"));

    /** Typed without diacritics by its asker. */
    private final Story licenceFee = Story.dialogue("portal-licence-fee")
            .topic("thue")
            .asked(
                    BUSINESS,
                    "Thue mon bai nam dau thanh lap",
                    "Nam dau co phai nop le phi mon bai khong?",
                    vn("2026-03-04T09:00"),
                    vn("2026-03-06T17:00"))
            .answered("Mien le phi mon bai trong nam dau thanh lap.", vn("2026-03-04T15:00"))
            .published(vn("2026-03-04T16:00"));

    /** Confidential: the command side never publishes it; here a publication arrives anyway. */
    private final Story secret = Story.dialogue("portal-secret")
            .confidential()
            .asked(
                    BUSINESS,
                    "Thuế thu nhập doanh nghiệp của dự án bí mật",
                    "Nội dung mật",
                    vn("2026-03-02T10:00"),
                    vn("2026-03-04T17:00"))
            .answered("Trả lời mật về thuế", vn("2026-03-03T10:00"))
            .published(vn("2026-03-03T11:00"));

    @BeforeAll
    static void database() {
        database = TestDatabase.fresh();
        jdbc = JdbcClient.create(database);
        portal = new PublishedDialogueProjection(database);
        portalQueries = new PublishedDialogueQueries(database);
    }

    @BeforeEach
    void empty() {
        Projector.reset(portal);
    }

    @Test
    void searchFindsThuếTypedWithoutDiacriticsOrInAnyCase() {
        publishAll();

        for (String text : List.of("thue", "Thuế", "THUẾ", "thuế", "THUE")) {
            assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, text))))
                    .as(text)
                    .contains(vat.id(), licenceFee.id())
                    .doesNotContain(land.id());
        }
    }

    @Test
    void searchWithDiacriticsFindsTextWrittenWithout() {
        publishAll();

        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "thuế môn bài"))))
                .containsExactly(licenceFee.id());
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "lệ phí môn bài năm đầu"))))
                .containsExactly(licenceFee.id());
    }

    @Test
    void searchFindsSeveralWordsTypedWithoutDiacritics() {
        publishAll();

        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "thue gia tri"))))
                .containsExactly(vat.id());
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "dat o quy hoach"))))
                .containsExactly(land.id());
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "\"gia tri gia tang\" -mon"))))
                .containsExactly(vat.id());
    }

    @Test
    void aShortTermAlsoMatchesInsideWords() {
        publishAll();

        // "gtg" is no whole word; it occurs inside "GTGT".
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "gtg"))))
                .containsExactly(vat.id());
        // "đấ" is "da" without diacritics: inside "Đất" and "dau".
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "đấ"))))
                .containsExactlyInAnyOrder(land.id(), licenceFee.id());
        // In a query of several words, each must be a whole word: "thu" is only the start of "thuế".
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "hoan thu"))))
                .isEmpty();
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "hoan thue"))))
                .containsExactly(vat.id());
    }

    @Test
    void confidentialDialoguesAreNeverPublished() {
        publishAll();

        assertThat(portalQueries.find(TENANT, secret.id())).isEmpty();
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "bi mat"))))
                .isEmpty();
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, ""))))
                .doesNotContain(secret.id());
        assertThat(jdbc.sql("select count(*) from published_dialogue where dialogue_id = :id")
                        .param("id", secret.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRedactedPublicationShowsAndSearchesTheRedactedTextOnly() {
        Story story = Story.dialogue("portal-redacted")
                .topic("thue")
                .asked(
                        CITIZEN,
                        "Hoàn thuế thu nhập cá nhân",
                        "Tôi là Nguyễn Văn Hùng, số CCCD 001099012345, xin hỏi về hoàn thuế.",
                        vn("2026-03-02T09:00"),
                        vn("2026-03-04T17:00"))
                .answered("Ông Hùng nộp hồ sơ tại Chi cục Thuế.", vn("2026-03-03T10:00"))
                .publishedRedacted(
                        "Công dân [đã ẩn] hỏi về hoàn thuế thu nhập cá nhân.",
                        "Công dân nộp hồ sơ tại Chi cục Thuế.",
                        vn("2026-03-03T11:00"));
        Projector.apply(portal, story.events());

        PublishedDialogue shown = portalQueries.find(TENANT, story.id()).orElseThrow();
        assertThat(shown.redacted()).isTrue();
        assertThat(shown.question()).isEqualTo("Công dân [đã ẩn] hỏi về hoàn thuế thu nhập cá nhân.");
        assertThat(shown.answer()).isEqualTo("Công dân nộp hồ sơ tại Chi cục Thuế.");
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "hoan thue thu nhap"))))
                .containsExactly(story.id());
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "Hung"))))
                .isEmpty();
    }

    @Test
    void aWithdrawnAnswerLeavesThePortalTheSearchAndTheFeedAndARedeliveryNeverBringsItBack() {
        Story story = Story.dialogue("portal-withdrawn")
                .topic("thue")
                .asked(
                        BUSINESS,
                        "Thuế nhà thầu",
                        "Hỏi về thuế nhà thầu nước ngoài",
                        vn("2026-03-02T09:00"),
                        vn("2026-03-04T17:00"))
                .answered("Theo Thông tư 103.", vn("2026-03-03T10:00"))
                .published(vn("2026-03-03T11:00"))
                .withdrawn(vn("2026-03-04T09:00"));
        Projector.apply(portal, story.events());

        assertThat(portalQueries.find(TENANT, story.id())).isEmpty();
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "thue nha thau"))))
                .isEmpty();
        assertThat(portalQueries.newestPublished(TENANT, 50))
                .extracting(PublishedDialogue::dialogueId)
                .doesNotContain(story.id());

        Projector.apply(portal, story.events().get(2));
        assertThat(portalQueries.find(TENANT, story.id()))
                .as("the older publication, redelivered")
                .isEmpty();

        Story republished = story.answered("Theo Thông tư 80 thay thế.", vn("2026-03-10T10:00"))
                .published(vn("2026-03-10T11:00"));
        Projector.apply(portal, republished.events().subList(4, 6));
        assertThat(portalQueries.find(TENANT, story.id()).orElseThrow().answer())
                .isEqualTo("Theo Thông tư 80 thay thế.");
    }

    @Test
    void aPublicationWithoutAKnownNonConfidentialAskingIsRefused() {
        Recorded publication = vat.events().get(vat.events().size() - 1);

        Projector.apply(portal, publication);

        assertThat(Tables.count(jdbc, "published_dialogue")).isZero();
    }

    @Test
    void thePortalHoldsNoPersonalDataOfAskers() {
        publishAll();

        var dump = Tables.dump(jdbc, "published_dialogue", "portal_dialogue").toString();
        for (String personal : List.of(
                BUSINESS.name(),
                BUSINESS.id(),
                GeneratedPki.BUSINESS_MST,
                CITIZEN.name(),
                CITIZEN.id(),
                GeneratedPki.CITIZEN_CCCD)) {
            assertThat(dump).doesNotContain(personal);
        }
        assertThat(jdbc.sql(
                                """
                                select column_name from information_schema.columns
                                where table_name in ('published_dialogue', 'portal_dialogue')
                                """)
                        .query(String.class)
                        .list())
                .noneMatch(column -> column.contains("name") || column.contains("actor") || column.contains("mst"));
        assertThat(portalQueries.find(TENANT, land.id()).orElseThrow().askerKind())
                .isEqualTo(ActorKind.CITIZEN);
        assertThat(portalQueries.find(TENANT, vat.id()).orElseThrow().askerKind())
                .isEqualTo(ActorKind.BUSINESS);
    }

    @Test
    void aRepublishedAnswerReplacesTheEarlierOne() {
        Story story = Story.dialogue("portal-republished")
                .asked(BUSINESS, "Hóa đơn điện tử", "Khi nào bắt buộc?", vn("2026-03-02T09:00"), vn("2026-03-04T17:00"))
                .answered("Từ tháng bảy năm sau.", vn("2026-03-03T09:00"))
                .published(vn("2026-03-03T10:00"))
                .closed(vn("2026-03-04T10:00"))
                .reopened(vn("2026-03-05T10:00"), vn("2026-03-09T17:00"))
                .answered("Bắt buộc ngay, theo nghị định mới về hóa đơn.", vn("2026-03-06T09:00"))
                .published(vn("2026-03-06T10:00"));
        List<Recorded> firstPublication = story.events().subList(0, 3);

        Projector.apply(portal, firstPublication);
        assertThat(portalQueries.find(TENANT, story.id()).orElseThrow().answer())
                .isEqualTo("Từ tháng bảy năm sau.");

        Projector.apply(portal, story.events());
        PublishedDialogue republished = portalQueries.find(TENANT, story.id()).orElseThrow();
        assertThat(republished.answer()).isEqualTo("Bắt buộc ngay, theo nghị định mới về hóa đơn.");
        assertThat(republished.answeredAt()).isEqualTo(vn("2026-03-06T09:00"));
        assertThat(republished.publishedAt()).isEqualTo(vn("2026-03-06T10:00"));
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "nghi dinh moi"))))
                .containsExactly(story.id());
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "thang bay"))))
                .isEmpty();

        // A late redelivery of the first publication does not bring the old answer back.
        Projector.apply(portal, story.events().get(2));
        assertThat(portalQueries.find(TENANT, story.id()).orElseThrow().answer())
                .startsWith("Bắt buộc ngay");
    }

    @Test
    void searchFiltersByTenantAgencyTopicAndAnswerPeriod() {
        publishAll();
        Story elsewhere = Story.dialogue("portal-other-tenant")
                .tenant(Parties.OTHER_TENANT)
                .asked(BUSINESS, "Thuế nhà thầu", "Hỏi", vn("2026-03-02T09:00"), vn("2026-03-04T17:00"))
                .answered("Trả lời về thuế", vn("2026-03-03T09:00"))
                .published(vn("2026-03-03T10:00"));
        Projector.apply(portal, elsewhere.events());

        assertThat(ids(portalQueries.search(PortalSearchQuery.text(Parties.OTHER_TENANT, "thue"))))
                .containsExactly(elsewhere.id());
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "thue"))))
                .doesNotContain(elsewhere.id());
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "").withAgency(THUE))))
                .containsExactly(vat.id());
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "").withTopic("dat-dai"))))
                .containsExactly(land.id());
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "thue")
                        .answeredBetween(vn("2026-03-05T00:00"), vn("2026-03-06T00:00")))))
                .containsExactly(vat.id());
        assertThat(ids(portalQueries.search(
                        PortalSearchQuery.text(TENANT, "").answeredBetween(null, vn("2026-03-05T10:00")))))
                .containsExactly(licenceFee.id());
        assertThatThrownBy(() -> PortalSearchQuery.text(" ", "thue")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultsComePagedWithTheTotal() {
        List<Recorded> events = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            events.addAll(Story.dialogue("portal-page-" + i)
                    .asked(
                            BUSINESS,
                            "Bảo hiểm xã hội " + i,
                            "Hỏi về bảo hiểm",
                            vn("2026-03-0" + i + "T09:00"),
                            vn("2026-03-0" + (i + 2) + "T17:00"))
                    .answered("Trả lời " + i, vn("2026-03-0" + i + "T10:00"))
                    .published(vn("2026-03-0" + i + "T11:00"))
                    .events());
        }
        Projector.apply(portal, events);

        Page<PublishedDialogue> first =
                portalQueries.search(PortalSearchQuery.text(TENANT, "bao hiem").page(0, 2));
        Page<PublishedDialogue> last =
                portalQueries.search(PortalSearchQuery.text(TENANT, "bao hiem").page(2, 2));
        Page<PublishedDialogue> beyond =
                portalQueries.search(PortalSearchQuery.text(TENANT, "bao hiem").page(7, 2));

        assertThat(first.items())
                .extracting(PublishedDialogue::subject)
                .containsExactly("Bảo hiểm xã hội 5", "Bảo hiểm xã hội 4");
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(last.items()).extracting(PublishedDialogue::subject).containsExactly("Bảo hiểm xã hội 1");
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
        assertThatThrownBy(() -> PortalSearchQuery.text(TENANT, "x").page(0, 101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortalSearchQuery.text(TENANT, "x").page(-1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultsAreOrderedByRankThenNewestAnswer() {
        Story inSubject = Story.dialogue("portal-rank-subject")
                .asked(BUSINESS, "Lệ phí trước bạ ô tô", "Mức thu?", vn("2026-03-02T09:00"), vn("2026-03-04T17:00"))
                .answered("Theo quy định hiện hành.", vn("2026-03-02T10:00"))
                .published(vn("2026-03-02T11:00"));
        Story inAnswerOlder = Story.dialogue("portal-rank-answer-older")
                .asked(BUSINESS, "Đăng ký xe", "Thủ tục?", vn("2026-03-03T09:00"), vn("2026-03-05T17:00"))
                .answered("Nộp lệ phí trước bạ trước khi đăng ký.", vn("2026-03-03T10:00"))
                .published(vn("2026-03-03T11:00"));
        Story inAnswerNewer = Story.dialogue("portal-rank-answer-newer")
                .asked(BUSINESS, "Sang tên xe", "Thủ tục?", vn("2026-03-04T09:00"), vn("2026-03-06T17:00"))
                .answered("Nộp lệ phí trước bạ khi sang tên.", vn("2026-03-04T10:00"))
                .published(vn("2026-03-04T11:00"));
        Projector.apply(portal, Story.interleaved(inAnswerOlder, inSubject, inAnswerNewer));

        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, "le phi truoc ba"))))
                .containsExactly(inSubject.id(), inAnswerNewer.id(), inAnswerOlder.id());
        assertThat(ids(portalQueries.search(PortalSearchQuery.text(TENANT, ""))))
                .containsExactly(inAnswerNewer.id(), inAnswerOlder.id(), inSubject.id());
    }

    @Test
    void theNewestPublicationsFeedTheAtomFeed() {
        publishAll();

        assertThat(portalQueries.newestPublished(TENANT, 2))
                .extracting(PublishedDialogue::dialogueId)
                .containsExactly(land.id(), vat.id());
        assertThat(portalQueries.newestPublished(TENANT, 100)).hasSize(3);
        assertThat(portalQueries.newestPublished(Parties.OTHER_TENANT, 10)).isEmpty();
        assertThatThrownBy(() -> portalQueries.newestPublished(TENANT, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void applyingEveryEventTwiceChangesNothing() {
        List<Recorded> events = allEvents();
        Projector.apply(portal, events);
        var once = Tables.dump(jdbc, "published_dialogue", "portal_dialogue");

        events.forEach(event -> Projector.apply(portal, event));
        Projector.apply(portal, events);

        assertThat(Tables.dump(jdbc, "published_dialogue", "portal_dialogue")).isEqualTo(once);
    }

    @Test
    void resetEmptiesThePortal() {
        publishAll();

        Projector.reset(portal);

        assertThat(Tables.count(jdbc, "published_dialogue")).isZero();
        assertThat(Tables.count(jdbc, "portal_dialogue")).isZero();
    }

    @Test
    void aRebuildByReplayGivesIdenticalRows() {
        List<Recorded> events = allEvents();
        Projector.apply(portal, events);
        var before = Tables.dump(jdbc, "published_dialogue", "portal_dialogue");

        Projector.rebuild(portal, events);

        assertThat(Tables.dump(jdbc, "published_dialogue", "portal_dialogue")).isEqualTo(before);
    }

    private List<Recorded> allEvents() {
        return Story.interleaved(vat, land, licenceFee, secret);
    }

    private void publishAll() {
        Projector.apply(portal, allEvents());
    }

    private static List<UUID> ids(Page<PublishedDialogue> page) {
        return page.items().stream().map(PublishedDialogue::dialogueId).toList();
    }
}
