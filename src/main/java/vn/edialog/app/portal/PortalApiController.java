package vn.edialog.app.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.edialog.app.evidence.EvidenceBundles;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.tracking.EvidenceDownloads;
import vn.edialog.app.tracking.SignedTimeline;
import vn.edialog.app.tracking.TimelineWords;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.app.web.PublicBaseUrl;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.query.Page;
import vn.edialog.query.portal.PublishedDialogue;
import vn.edialog.query.portal.PublishedDialogueQueries;
import vn.edialog.query.timeline.DialogueTimelineQueries;
import vn.edialog.query.timeline.EventEvidence;
import vn.edialog.query.timeline.TimelineEntry;

/**
 * The public portal (anonymous): published answers of non-confidential dialogues, searchable with or without
 * Vietnamese diacritics; each with the signed timeline of its public messages ({@link PublicTimeline}). Askers stay
 * anonymous here: the timeline shows who acted for the government, and of the asker only that a signed message
 * arrived; evidence (as JSON, or as the exact signed bytes and the DER CMS signature for {@code openssl cms -verify}
 * and {@code edialog signature verify}) is downloadable for the government's public messages only, since an asker's
 * signature carries his certificate.
 */
@RestController
@RequestMapping("/api/v1/portal/{tenant}")
@Tag(name = "Public portal", description = "Published answers, their signed timeline and the Atom feed")
class PortalApiController {

    private final PublishedDialogueQueries published;
    private final DialogueTimelineQueries timeline;
    private final SignedTimeline signedTimeline;
    private final Tenants tenants;
    private final TimelineWords words;
    private final PublicBaseUrl publicBaseUrl;
    private final MessageSource messages;
    private final EvidenceBundles bundles;

    PortalApiController(
            PublishedDialogueQueries published,
            DialogueTimelineQueries timeline,
            SignedTimeline signedTimeline,
            Tenants tenants,
            TimelineWords words,
            PublicBaseUrl publicBaseUrl,
            MessageSource messages,
            EvidenceBundles bundles) {
        this.bundles = bundles;
        this.words = words;
        this.publicBaseUrl = publicBaseUrl;
        this.messages = messages;
        this.published = published;
        this.timeline = timeline;
        this.signedTimeline = signedTimeline;
        this.tenants = tenants;
    }

    /**
     * One message of the public timeline; {@code verified}: its signature and hash link were re-checked when read
     * ({@link SignedTimeline}).
     */
    record PublicEvent(
            long sequence,
            String eventType,
            Instant at,
            ActorKind actorKind,
            String agency,
            String summaryVi,
            String summaryEn,
            String hash,
            String signerSubject,
            String signerIssuer,
            boolean verified,
            String evidence) {}

    /** A published dialogue with its public timeline. */
    record PublicDialogue(PublishedDialogue dialogue, List<PublicEvent> timeline) {}

    @GetMapping("/dialogues")
    @Operation(summary = "Search published answers (with or without diacritics), by agency, topic and period")
    Page<PublishedDialogue> search(
            @PathVariable String tenant,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Tenant province = tenants.find(tenant).orElseThrow(() -> ApiProblem.tenantNotFound(tenant));
        PortalSearch search = PortalSearch.read(province, text, agency, topic, from, to);
        if (!search.problems().isEmpty()) {
            PortalSearch.Problem problem = search.problems().get(0);
            throw ApiProblem.badParameter(problem.parameter() + ": "
                    + messages.getMessage(
                            problem.key(),
                            problem.key().equals("portal.error.date")
                                    ? new Object[] {problem.parameter(), problem.arguments()[0]}
                                    : problem.arguments(),
                            Locale.ENGLISH));
        }
        try {
            return published.search(search.query(tenant, page, size));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter(e.getMessage());
        }
    }

    @GetMapping("/dialogues/{dialogueId}")
    @Operation(summary = "A published answer with its signed timeline")
    PublicDialogue dialogue(@PathVariable String tenant, @PathVariable UUID dialogueId) {
        Tenant province = tenants.find(tenant).orElseThrow(() -> ApiProblem.tenantNotFound(tenant));
        PublishedDialogue dialogue =
                published.find(tenant, dialogueId).orElseThrow(() -> ApiProblem.unknownDialogue(dialogueId));
        List<PublicEvent> events = signedTimeline.read(tenant, dialogueId).events().stream()
                .filter(event -> PublicTimeline.isPublic(event.entry(), dialogue.redacted()))
                .map(event -> publicEvent(province, event.entry(), event.check().verified(), dialogue.redacted()))
                .toList();
        return new PublicDialogue(dialogue, events);
    }

    @GetMapping("/dialogues/{dialogueId}/events/{sequence}/evidence")
    @Operation(
            summary = "The signed bytes, CMS signature and chain of a public government message, to re-verify it"
                    + " (for example with `edialog signature verify`)")
    EventEvidence evidence(@PathVariable String tenant, @PathVariable UUID dialogueId, @PathVariable long sequence) {
        return downloadableEvidence(tenant, dialogueId, sequence);
    }

    @GetMapping("/dialogues/{dialogueId}/events/{sequence}/payload")
    @Operation(
            summary = "The exact signed bytes (canonical JSON) of a public government message, the content to give"
                    + " `openssl cms -verify -content` or `edialog signature verify --content`")
    ResponseEntity<byte[]> payload(
            @PathVariable String tenant, @PathVariable UUID dialogueId, @PathVariable long sequence) {
        EventEvidence evidence = downloadableEvidence(tenant, dialogueId, sequence);
        return EvidenceDownloads.payload(evidence);
    }

    @GetMapping("/dialogues/{dialogueId}/events/{sequence}/signature.p7s")
    @Operation(
            summary = "The detached DER CMS signature (CAdES-BES, with the signer's certificate chain) over the"
                    + " message's signed bytes")
    ResponseEntity<byte[]> signature(
            @PathVariable String tenant, @PathVariable UUID dialogueId, @PathVariable long sequence) {
        EventEvidence evidence = downloadableEvidence(tenant, dialogueId, sequence);
        return EvidenceDownloads.signature(evidence);
    }

    @GetMapping("/dialogues/{dialogueId}/evidence.asice")
    @Operation(
            summary = "The published dialogue's public evidence as one ASiC-E container: the government's public"
                    + " messages (a published redaction in place of what it redacts) with their CAdES-LT signatures, a"
                    + " readable summary, and a manifest with its archive time-stamp; verify it offline with `edialog"
                    + " evidence verify`")
    @ApiResponse(
            responseCode = "200",
            description = "The ASiC-E container",
            content = @Content(mediaType = EvidenceBundles.MEDIA_TYPE))
    ResponseEntity<byte[]> bundle(@PathVariable String tenant, @PathVariable UUID dialogueId) {
        Tenant province = tenants.find(tenant).orElseThrow(() -> ApiProblem.tenantNotFound(tenant));
        PublishedDialogue dialogue =
                published.find(tenant, dialogueId).orElseThrow(() -> ApiProblem.unknownDialogue(dialogueId));
        List<EvidenceBundles.Item> items = timeline.timeline(tenant, dialogueId).stream()
                .filter(entry -> PublicTimeline.downloadable(entry, dialogue.redacted()))
                .map(entry -> new EvidenceBundles.Item(
                        timeline.evidence(tenant, dialogueId, entry.sequence())
                                .orElseThrow(() -> ApiProblem.unknownDialogue(dialogueId + "/" + entry.sequence())),
                        words.vietnamese(entry, province),
                        words.english(entry, province),
                        entry.signer() == null ? null : entry.signer().subjectCommonName()))
                .toList();
        byte[] bundle = bundles.bundle(
                new EvidenceBundles.Header(dialogueId, dialogue.subject(), province, dialogue.topic(), null), items);
        return EvidenceBundles.download(bundle, "edialog-" + dialogueId + ".asice");
    }

    /** The download's file name: {@code edialog-<dialogue>-<sequence>.json} or {@code .p7s}, a pair for the tools. */
    private EventEvidence downloadableEvidence(String tenant, UUID dialogueId, long sequence) {
        requireTenant(tenant);
        boolean redacted = published
                .find(tenant, dialogueId)
                .orElseThrow(() -> ApiProblem.unknownDialogue(dialogueId))
                .redacted();
        TimelineEntry entry = timeline.timeline(tenant, dialogueId).stream()
                .filter(e -> e.sequence() == sequence && PublicTimeline.downloadable(e, redacted))
                .findFirst()
                .orElseThrow(() -> ApiProblem.unknownDialogue(dialogueId + "/" + sequence));
        return timeline.evidence(tenant, dialogueId, entry.sequence())
                .orElseThrow(() -> ApiProblem.unknownDialogue(dialogueId + "/" + sequence));
    }

    @GetMapping(value = "/feed.atom", produces = "application/atom+xml")
    @Operation(summary = "Atom feed of the newest published answers, for the province's own portal")
    ResponseEntity<String> feed(@PathVariable String tenant) {
        requireTenant(tenant);
        // Absolute links from the configured public address, never from the request's Host header.
        String base = publicBaseUrl.get();
        String xml = AtomFeed.render(tenants.find(tenant).orElseThrow(), base, published.newestPublished(tenant, 50));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(xml);
    }

    private PublicEvent publicEvent(Tenant province, TimelineEntry entry, boolean verified, boolean redacted) {
        boolean asker = PublicTimeline.isAsker(entry.actor().kind());
        return new PublicEvent(
                entry.sequence(),
                entry.eventType(),
                entry.at(),
                entry.actor().kind(),
                asker ? null : entry.actor().agency(),
                words.vietnamese(entry, province),
                words.english(entry, province),
                entry.hash(),
                asker || entry.signer() == null ? null : entry.signer().subjectCommonName(),
                asker || entry.signer() == null ? null : entry.signer().issuerCommonName(),
                verified,
                !PublicTimeline.downloadable(entry, redacted)
                        ? null
                        : "/api/v1/portal/" + province.code() + "/dialogues/" + entry.dialogueId() + "/events/"
                                + entry.sequence() + "/evidence");
    }

    private void requireTenant(String tenant) {
        if (tenants.find(tenant).isEmpty()) {
            throw ApiProblem.tenantNotFound(tenant);
        }
    }
}
