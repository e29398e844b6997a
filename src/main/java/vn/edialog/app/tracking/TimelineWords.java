package vn.edialog.app.tracking;

import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import vn.edialog.app.web.L10n;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.query.timeline.TimelineEntry;
import vn.edialog.query.timeline.TimelineFacts;

/**
 * Says what a timeline event did in the reader's language, from the facts its row keeps and the message bundles
 * ({@code timeline.summary.<event type>}, or {@code .<variant>} after it when the facts name one; the arguments below).
 * Agencies are named as the province's configuration names them now, deadlines in Vietnam's time. The pages call it as
 * {@code @timelineWords}; the APIs give both languages.
 *
 * <p>Arguments of the sentences: {0} the agency's name, {1} the deadline, {2} the deadline an extension replaced, {3}
 * the number (forward, level, rating), {4} the reason or step in words ({@code timeline.code.<event type>.<code>}), {5}
 * the actor's reason, {6} the tracking code.
 */
@Component("timelineWords")
public class TimelineWords {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    public TimelineWords(MessageSource messages) {
        this.messages = messages;
    }

    /** The event's sentence in {@code locale}; {@code tenant} (null when unknown) names its agencies. */
    public String summary(TimelineEntry entry, Tenant tenant, Locale locale) {
        TimelineFacts facts = entry.facts();
        String key = "timeline.summary." + entry.eventType();
        Object[] arguments = {
            agency(facts.agency(), tenant, locale),
            at(facts.dueAt()),
            at(facts.previousDueAt()),
            facts.number() == null ? "" : facts.number().toString(),
            facts.code() == null
                    ? ""
                    : messages.getMessage(
                            "timeline.code." + entry.eventType() + "." + facts.code(), null, facts.code(), locale),
            facts.reason() == null ? "" : facts.reason(),
            facts.reference() == null ? "" : facts.reference()
        };
        if (facts.variant() != null) {
            try {
                return messages.getMessage(key + "." + facts.variant(), arguments, locale);
            } catch (NoSuchMessageException unknownVariant) {
                // A variant the bundles do not know (a third escalation level): the event's general sentence.
            }
        }
        return messages.getMessage(key, arguments, entry.eventType(), locale);
    }

    /** The sentence in Vietnamese, for the APIs. */
    public String vietnamese(TimelineEntry entry, Tenant tenant) {
        return summary(entry, tenant, VIETNAMESE);
    }

    /** The sentence in English, for the APIs. */
    public String english(TimelineEntry entry, Tenant tenant) {
        return summary(entry, tenant, Locale.ENGLISH);
    }

    private static String agency(String code, Tenant tenant, Locale locale) {
        if (code == null) {
            return "";
        }
        boolean english = "en".equals(locale.getLanguage());
        return tenant == null
                ? code
                : tenant.agency(code)
                        .map(agency -> english ? agency.nameEn() : agency.nameVi())
                        .orElse(code);
    }

    private static String at(Instant instant) {
        return instant == null ? "" : L10n.DATE_TIME.format(instant);
    }
}
