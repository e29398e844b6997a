package vn.edialog.app.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.command.tenant.Topic;

/**
 * Helpers the page templates call as {@code @l10n}: the reader's language for reference data named in both
 * languages, and dates in the province's time zone (Vietnam, UTC+7) and its customary day-first format.
 */
@Component("l10n")
public class L10n {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** How every page, mail and command shows a moment: "23/11/2026 14:05", in Vietnam's time. */
    public static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    public static Locale locale() {
        return english() ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    }

    public String name(Agency agency) {
        return agency == null ? "" : english() ? agency.nameEn() : agency.nameVi();
    }

    public String name(Topic topic) {
        return topic == null ? "" : english() ? topic.nameEn() : topic.nameVi();
    }

    public String name(Tenant tenant) {
        return tenant == null ? "" : english() ? tenant.nameEn() : tenant.nameVi();
    }

    /** "23/11/2026 14:05" in Vietnam's time; empty for null. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** "23/11/2026" in Vietnam's time; empty for null. */
    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(VIETNAM));
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
