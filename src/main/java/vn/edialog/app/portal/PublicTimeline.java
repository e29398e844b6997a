package vn.edialog.app.portal;

import java.util.Set;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.query.timeline.TimelineEntry;

/**
 * What the public sees of a published dialogue's signed timeline, on the pages and in the API alike: its public
 * messages only, the question, the answer and the publication. The other events (forwards with their internal notes,
 * clarification requests, extensions, ratings) are between the asker and the government. Of the asker the public learns
 * only that a signed question arrived: the asker's signer facts and signed bytes are never offered, since the
 * certificate carries the citizen's name and ID number or the business's tax code. The government's signed bytes are
 * downloadable so that anyone can re-verify them. Of a redacted publication the public sees only the publications: the
 * redaction is signed by the People's Committee and names the SHA-256 of the original signed question and answer,
 * which stay readable by the parties only.
 */
final class PublicTimeline {

    static final Set<String> PUBLIC_EVENTS = Set.of("DialogueAsked", "DialogueAnswered", "AnswerPublished");

    private PublicTimeline() {}

    static boolean isPublic(TimelineEntry entry, boolean redacted) {
        return redacted ? entry.eventType().equals("AnswerPublished") : PUBLIC_EVENTS.contains(entry.eventType());
    }

    static boolean isAsker(ActorKind kind) {
        return kind == ActorKind.BUSINESS || kind == ActorKind.CITIZEN;
    }

    /** Whether anyone may download the event's signed bytes and signature. */
    static boolean downloadable(TimelineEntry entry, boolean redacted) {
        return isPublic(entry, redacted) && !isAsker(entry.actor().kind());
    }
}
