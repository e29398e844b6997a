package vn.edialog.app.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.dialogue.api.DialogueEvent;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.AgencyKind;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.query.timeline.TimelineEntry;
import vn.edialog.query.timeline.TimelineFacts;

/**
 * A timeline row keeps facts; the reader sees a sentence in his language, with agencies named as the province's
 * configuration names them now and deadlines in Vietnam's time, day first.
 */
class TimelineWordsTest {

    private static final Instant DUE = Instant.parse("2026-03-06T10:00:00Z"); // 17:00 in Hà Nội
    private static final Instant BEFORE = Instant.parse("2026-03-04T10:00:00Z");

    private final TimelineWords words = new TimelineWords(messages());

    private static ResourceBundleMessageSource messages() {
        // As spring.messages configures the application's source.
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "i18n/portal", "i18n/asker", "i18n/reports", "i18n/cases");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Tenant hanoi(String skhdtVi, String skhdtEn) {
        return new Tenant(
                "hanoi",
                "Thành phố Hà Nội",
                "Hanoi",
                "ubnd",
                List.of(
                        new Agency(
                                "ubnd",
                                "1000001",
                                "UBND Thành phố Hà Nội",
                                "Hanoi People's Committee",
                                AgencyKind.MODERATOR),
                        new Agency("skhdt", "1000002", skhdtVi, skhdtEn, AgencyKind.DEPARTMENT)),
                List.of());
    }

    private static TimelineEntry entry(String type, TimelineFacts facts) {
        return new TimelineEntry(
                UUID.randomUUID(),
                1,
                type,
                BEFORE,
                new Actor(ActorKind.OFFICIAL, "moderator", "Nguyễn Văn A", "ubnd"),
                facts,
                "0".repeat(64),
                "1".repeat(64),
                null);
    }

    private static TimelineFacts about(String agency, Instant due, Integer number) {
        return new TimelineFacts(agency, due, null, number, null, null, null, null);
    }

    @Test
    void aForwardNamesTheDepartmentAndItsDeadlineInTheReadersLanguage() {
        TimelineEntry forwarded = entry("DialogueForwarded", about("skhdt", DUE, 1));
        Tenant hanoi = hanoi("Sở Kế hoạch và Đầu tư", "Department of Planning and Investment");

        assertThat(words.vietnamese(forwarded, hanoi))
                .isEqualTo("Chuyển lần 1 đến Sở Kế hoạch và Đầu tư, hạn 06/03/2026 17:00");
        assertThat(words.english(forwarded, hanoi))
                .isEqualTo("Forward 1 to Department of Planning and Investment, due 06/03/2026 17:00");
    }

    @Test
    void anAgencyRenamedInTheConfigurationIsNamedAnewWithoutARebuild() {
        TimelineEntry answered =
                entry("DialogueAnswered", new TimelineFacts("skhdt", null, null, null, null, "onTime", null, null));

        assertThat(words.vietnamese(answered, hanoi("Sở Kế hoạch và Đầu tư", "DPI")))
                .isEqualTo("Sở Kế hoạch và Đầu tư đã trả lời đúng hạn");
        assertThat(words.vietnamese(answered, hanoi("Sở Tài chính", "Department of Finance")))
                .isEqualTo("Sở Tài chính đã trả lời đúng hạn");
        assertThat(words.english(answered, hanoi("Sở Tài chính", "Department of Finance")))
                .isEqualTo("Department of Finance answered on time");
    }

    @Test
    void anAgencyTheConfigurationDoesNotKnowIsNamedByItsCode() {
        TimelineEntry acknowledged = entry("ForwardAcknowledged", about("sxd", null, 2));

        assertThat(words.vietnamese(acknowledged, hanoi("Sở Kế hoạch và Đầu tư", "DPI")))
                .isEqualTo("sxd đã xác nhận tiếp nhận lần chuyển 2");
        assertThat(words.english(acknowledged, null)).isEqualTo("sxd acknowledged receipt of forward 2");
    }

    @Test
    void variantsCodesAndReasonsBecomeTheirOwnWords() {
        Tenant hanoi = hanoi("Sở Kế hoạch và Đầu tư", "Department of Planning and Investment");

        assertThat(words.english(
                        entry(
                                "DialogueAnswered",
                                new TimelineFacts("skhdt", null, null, null, null, "late", null, null)),
                        hanoi))
                .isEqualTo("Department of Planning and Investment answered late");
        assertThat(words.vietnamese(
                        entry(
                                "DialogueEscalated",
                                new TimelineFacts("skhdt", null, null, 1, "ANSWER", "level1", null, null)),
                        hanoi))
                .isEqualTo("Quá hạn trả lời của Sở Kế hoạch và Đầu tư, đã báo cáo lãnh đạo cơ quan");
        assertThat(words.english(
                        entry(
                                "DialogueEscalated",
                                new TimelineFacts("ubnd", null, null, 3, "TRIAGE", "level3", null, null)),
                        hanoi))
                .as("a level the bundles have no sentence for: the event's general one")
                .isEqualTo("Overdue triage by Hanoi People's Committee, escalated to level 3");
        assertThat(words.vietnamese(
                        entry(
                                "DialogueRejected",
                                new TimelineFacts(null, null, null, null, "DUPLICATE", null, null, "Đã hỏi")),
                        hanoi))
                .isEqualTo("Từ chối tiếp nhận (trùng lặp): Đã hỏi");
        assertThat(words.english(
                        entry(
                                "DeadlineExtended",
                                new TimelineFacts("skhdt", DUE, BEFORE, null, null, null, null, null)),
                        hanoi))
                .isEqualTo("Deadline of Department of Planning and Investment extended from 04/03/2026 17:00 to"
                        + " 06/03/2026 17:00");
        assertThat(words.english(
                        entry(
                                "AnswerPublished",
                                new TimelineFacts(null, null, null, null, null, "redacted", null, null)),
                        hanoi))
                .isEqualTo("Answer published on the portal (redacted text, signed by the People's Committee)");
        assertThat(words.vietnamese(
                        entry(
                                "DialogueAsked",
                                new TimelineFacts(null, null, null, null, null, "confidential", "HS-1", null)),
                        hanoi))
                .isEqualTo("Gửi câu hỏi, mã hồ sơ HS-1 (mật)");
    }

    @Test
    void everyEventOfThePublishedLanguageHasATitleAndASentenceInBothLanguages() {
        Tenant hanoi = hanoi("Sở Kế hoạch và Đầu tư", "DPI");
        TimelineFacts every = new TimelineFacts("skhdt", DUE, BEFORE, 1, "X", null, "HS-1", "lý do");
        for (Class<?> type : DialogueEvent.class.getPermittedSubclasses()) {
            TimelineEntry entry = entry(type.getSimpleName(), every);
            for (Locale locale : List.of(TimelineWords.VIETNAMESE, Locale.ENGLISH)) {
                String sentence = words.summary(entry, hanoi, locale);
                assertThat(sentence)
                        .as("%s in %s", type.getSimpleName(), locale)
                        .isNotEqualTo(type.getSimpleName())
                        .doesNotContain("{", "}");
                assertThat(messages().getMessage("timeline.event." + type.getSimpleName(), null, null, locale))
                        .as("title of %s in %s", type.getSimpleName(), locale)
                        .isNotBlank();
            }
        }
    }
}
