package vn.edialog.query.timeline;

import java.time.Instant;
import vn.edialog.command.dialogue.api.AnswerKeptPrivate;
import vn.edialog.command.dialogue.api.AnswerPublished;
import vn.edialog.command.dialogue.api.ClarificationRequested;
import vn.edialog.command.dialogue.api.DeadlineExtended;
import vn.edialog.command.dialogue.api.DeadlineExtensionRefused;
import vn.edialog.command.dialogue.api.DeadlineExtensionRequested;
import vn.edialog.command.dialogue.api.DialogueAnswered;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.dialogue.api.DialogueClosed;
import vn.edialog.command.dialogue.api.DialogueEscalated;
import vn.edialog.command.dialogue.api.DialogueForwarded;
import vn.edialog.command.dialogue.api.DialogueRejected;
import vn.edialog.command.dialogue.api.ForwardAcknowledged;
import vn.edialog.command.dialogue.api.ForwardReturned;
import vn.edialog.command.dialogue.api.PersonalDataErased;
import vn.edialog.command.dialogue.api.PublicationWithdrawn;
import vn.edialog.command.dialogue.api.SatisfactionRated;

/**
 * What a timeline row keeps of its event beside who acted and when: codes, numbers, deadlines and a shortened reason,
 * never words. The pages make the sentence from the message bundles (key {@code timeline.summary.<event type>}, or
 * {@code .<variant>} after it when there is one), so the reader's language is chosen when the page is shown and an
 * agency renamed in the configuration is named anew without a rebuild. It never quotes the question or the answer:
 * the content stays in the signed payload.
 *
 * @param agency the code of the agency the event is about: the one forwarded to, asking, answering or overdue
 * @param dueAt the deadline the event sets or asks for
 * @param previousDueAt the deadline an extension replaced
 * @param number the forward's number, the escalation's level or the rating
 * @param code the name of the event's reason or step: rejection reason, close reason, escalation step
 * @param variant which of the event's sentences applies: {@code confidential} (asked), {@code onTime} or {@code late}
 *     (answered), {@code redacted} (published), {@code level1} or {@code level2} (escalated)
 * @param reference the tracking code the asker was given
 * @param reason the actor's reason on one line, at most {@value #REASON_MAX} characters
 */
public record TimelineFacts(
        String agency,
        Instant dueAt,
        Instant previousDueAt,
        Integer number,
        String code,
        String variant,
        String reference,
        String reason) {

    /** The longest reason a row keeps, in characters (code points); a longer one ends in "…". */
    public static final int REASON_MAX = 200;

    /** An event of which nothing beside who and when is told. */
    public static final TimelineFacts NONE = new TimelineFacts(null, null, null, null, null, null, null, null);

    static TimelineFacts of(DialogueAsked e) {
        return new TimelineFacts(
                null, null, null, null, null, e.confidential() ? "confidential" : null, e.trackingCode(), null);
    }

    static TimelineFacts of(ClarificationRequested e) {
        return about(e.requestedBy()).due(e.dueAt());
    }

    static TimelineFacts of(DialogueForwarded e) {
        return about(e.department()).due(e.dueAt()).numbered(e.forwardNumber());
    }

    static TimelineFacts of(ForwardAcknowledged e) {
        return about(e.department()).numbered(e.forwardNumber());
    }

    static TimelineFacts of(ForwardReturned e) {
        return about(e.department()).because(e.reason());
    }

    static TimelineFacts of(DeadlineExtensionRequested e) {
        return about(e.department()).due(e.requestedDueAt());
    }

    static TimelineFacts of(DeadlineExtended e) {
        return about(e.department()).due(e.newDueAt()).replacing(e.previousDueAt());
    }

    static TimelineFacts of(DeadlineExtensionRefused e) {
        return about(e.department()).because(e.reason());
    }

    static TimelineFacts of(DialogueAnswered e) {
        return about(e.answeringAgency()).inVariant(e.onTime() ? "onTime" : "late");
    }

    static TimelineFacts of(AnswerPublished e) {
        return e.redacted() ? NONE.inVariant("redacted") : NONE;
    }

    static TimelineFacts of(AnswerKeptPrivate e) {
        return NONE.because(e.reason());
    }

    static TimelineFacts of(PublicationWithdrawn e) {
        return NONE.because(e.reason());
    }

    static TimelineFacts of(PersonalDataErased e) {
        return NONE.because(e.reason());
    }

    static TimelineFacts of(DialogueRejected e) {
        return NONE.coded(e.code().name()).because(e.reason());
    }

    static TimelineFacts of(DialogueEscalated e) {
        return about(e.responsibleAgency())
                .numbered(e.level())
                .coded(e.step().name())
                .inVariant("level" + e.level());
    }

    static TimelineFacts of(SatisfactionRated e) {
        return NONE.numbered(e.rating());
    }

    static TimelineFacts of(DialogueClosed e) {
        return NONE.coded(e.reason().name());
    }

    /** {@code text} on one line, cut to {@link #REASON_MAX} characters. */
    static String shorten(String text) {
        if (text == null) {
            return null;
        }
        String single = text.strip().replaceAll("\\s+", " ");
        return single.codePointCount(0, single.length()) <= REASON_MAX
                ? single
                : single.substring(0, single.offsetByCodePoints(0, REASON_MAX - 1)) + "…";
    }

    private static TimelineFacts about(String agency) {
        return new TimelineFacts(agency, null, null, null, null, null, null, null);
    }

    private TimelineFacts due(Instant at) {
        return new TimelineFacts(agency, at, previousDueAt, number, code, variant, reference, reason);
    }

    private TimelineFacts replacing(Instant at) {
        return new TimelineFacts(agency, dueAt, at, number, code, variant, reference, reason);
    }

    private TimelineFacts numbered(int value) {
        return new TimelineFacts(agency, dueAt, previousDueAt, value, code, variant, reference, reason);
    }

    private TimelineFacts coded(String value) {
        return new TimelineFacts(agency, dueAt, previousDueAt, number, value, variant, reference, reason);
    }

    private TimelineFacts inVariant(String value) {
        return new TimelineFacts(agency, dueAt, previousDueAt, number, code, value, reference, reason);
    }

    private TimelineFacts because(String text) {
        return new TimelineFacts(agency, dueAt, previousDueAt, number, code, variant, reference, shorten(text));
    }
}
