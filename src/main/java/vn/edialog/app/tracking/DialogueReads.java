package vn.edialog.app.tracking;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.edialog.app.access.AccessPolicy;
import vn.edialog.app.access.Viewer;
import vn.edialog.app.confidential.SealedPayloads;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.dialogue.api.DialogueStatus;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.query.Page;
import vn.edialog.query.inbox.InboxEntry;
import vn.edialog.query.inbox.PartyInboxQueries;
import vn.edialog.query.summary.DialogueSummary;
import vn.edialog.query.summary.DialogueSummaryQueries;
import vn.edialog.query.timeline.DialogueTimelineQueries;
import vn.edialog.query.timeline.EventEvidence;
import vn.edialog.query.timeline.TimelineEntry;

/**
 * Reads the projections for one viewer after asking {@link AccessPolicy}. Every refused dialogue reads as unknown, in
 * the same words as a dialogue that does not exist.
 */
@Component
public class DialogueReads {

    private final DialogueSummaryQueries summaries;
    private final DialogueTimelineQueries timelines;
    private final PartyInboxQueries inboxes;
    private final AccessPolicy policy;
    private final Tenants tenants;
    private final TimelineWords words;

    private final SealedPayloads sealed;

    DialogueReads(
            DialogueSummaryQueries summaries,
            DialogueTimelineQueries timelines,
            PartyInboxQueries inboxes,
            AccessPolicy policy,
            Tenants tenants,
            TimelineWords words,
            SealedPayloads sealed) {
        this.sealed = sealed;
        this.words = words;
        this.summaries = summaries;
        this.timelines = timelines;
        this.inboxes = inboxes;
        this.policy = policy;
        this.tenants = tenants;
    }

    /** The dialogues the asker filed in the province he signed in to. */
    public Page<InboxItem> askerInbox(Viewer.Asker asker, List<String> statuses, int page, int size) {
        Set<DialogueStatus> wanted = statuses(statuses);
        checkPage(page, size);
        return items(inboxes.askerInbox(asker.tenant(), asker.kind(), asker.partyId(), wanted, page, size));
    }

    /** An agency's inbox, for its officials and the People's Committee of its province. */
    public Page<InboxItem> agencyInbox(
            Viewer viewer, String tenant, String agency, List<String> statuses, int page, int size) {
        if (!policy.mayReadAgencyInbox(viewer, tenant, agency)) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Not allowed",
                    "Only the officials of agency '" + agency + "' and of its province's People's Committee read its"
                            + " inbox.");
        }
        if (tenants.find(tenant).flatMap(t -> t.agency(agency)).isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.NOT_FOUND,
                    "unknown-agency",
                    "Unknown agency",
                    "Province '" + tenant + "' has no agency '" + agency + "'");
        }
        Set<DialogueStatus> wanted = statuses(statuses);
        checkPage(page, size);
        return items(inboxes.agencyInbox(tenant, agency, wanted, page, size));
    }

    /** Where a dialogue the viewer may read stands. */
    public DialogueSummary summary(Viewer viewer, UUID dialogueId) {
        return summaries
                .find(dialogueId)
                .filter(summary -> policy.mayReadDialogue(viewer, summary.tenant(), dialogueId))
                .orElseThrow(() -> ApiProblem.unknownDialogue(dialogueId));
    }

    /** A dialogue the viewer may read: its summary and signed timeline. */
    public DialogueView dialogue(Viewer viewer, UUID dialogueId) {
        DialogueSummary summary = summary(viewer, dialogueId);
        return new DialogueView(summary, timeline(summary));
    }

    /** The signed timeline of a dialogue the viewer may read. */
    public DialogueTimeline timeline(Viewer viewer, UUID dialogueId) {
        return new DialogueTimeline(dialogueId, timeline(summary(viewer, dialogueId)));
    }

    /** The stored evidence of one event of a dialogue the viewer may read. */
    public EventEvidence evidence(Viewer viewer, UUID dialogueId, long sequence) {
        DialogueSummary summary = summary(viewer, dialogueId);
        return timelines
                .evidence(summary.tenant(), dialogueId, sequence)
                .map(sealed::open)
                .orElseThrow(() -> ApiProblem.unknownDialogue(dialogueId + "/" + sequence));
    }

    /** The stored evidence of every event of a dialogue the viewer may read, in order. */
    public List<EventEvidence> evidences(Viewer viewer, UUID dialogueId) {
        DialogueSummary summary = summary(viewer, dialogueId);
        return timelines.timeline(summary.tenant(), dialogueId).stream()
                .map(entry -> timelines
                        .evidence(summary.tenant(), dialogueId, entry.sequence())
                        .map(sealed::open)
                        .orElseThrow(() -> ApiProblem.unknownDialogue(dialogueId + "/" + entry.sequence())))
                .toList();
    }

    private List<TimelineItem> timeline(DialogueSummary summary) {
        Tenant province = tenants.find(summary.tenant()).orElse(null);
        return timelines.timeline(summary.tenant(), summary.dialogueId()).stream()
                .map(entry -> item(summary.tenant(), province, entry))
                .toList();
    }

    private TimelineItem item(String tenant, Tenant province, TimelineEntry entry) {
        ActorKind kind = entry.actor().kind();
        boolean asker = kind == ActorKind.BUSINESS || kind == ActorKind.CITIZEN;
        var content = timelines
                .evidence(tenant, entry.dialogueId(), entry.sequence())
                .map(sealed::open)
                .flatMap(evidence -> SignedContent.of(evidence.signedPayload()))
                .orElse(null);
        return new TimelineItem(
                entry.sequence(),
                entry.eventType(),
                entry.at(),
                kind,
                asker ? entry.actor().id() : null,
                entry.actor().name(),
                entry.actor().agency(),
                words.vietnamese(entry, province),
                words.english(entry, province),
                content,
                entry.previousHash(),
                entry.hash(),
                entry.signer() == null ? null : entry.signer().subjectCommonName(),
                entry.signer() == null ? null : entry.signer().issuerCommonName(),
                entry.signer() == null ? null : entry.signer().serialNumber(),
                "/api/v1/dialogues/" + entry.dialogueId() + "/events/" + entry.sequence() + "/evidence");
    }

    private static Page<InboxItem> items(Page<InboxEntry> entries) {
        return new Page<>(
                entries.items().stream().map(InboxItem::of).toList(), entries.page(), entries.size(), entries.total());
    }

    /** {@code status} values, repeated or comma-separated, each a {@link DialogueStatus}; none means all. */
    private static Set<DialogueStatus> statuses(List<String> values) {
        Set<DialogueStatus> statuses = EnumSet.noneOf(DialogueStatus.class);
        if (values == null) {
            return statuses;
        }
        for (String value : values) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    statuses.add(DialogueStatus.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.badParameter(
                            "'" + name.strip() + "' is not a status; use one of " + List.of(DialogueStatus.values()));
                }
            }
        }
        return statuses;
    }

    private static void checkPage(int page, int size) {
        try {
            Page.check(page, size);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter(e.getMessage());
        }
    }
}
