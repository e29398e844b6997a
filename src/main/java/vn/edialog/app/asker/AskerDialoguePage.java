package vn.edialog.app.asker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import vn.edialog.app.access.AccessPolicy;
import vn.edialog.app.access.Viewer;
import vn.edialog.app.confidential.SealedPayloads;
import vn.edialog.app.submission.Receipts;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.tracking.EvidenceDownloads;
import vn.edialog.app.tracking.SignedTimeline;
import vn.edialog.command.dialogue.api.DialogueStatus;
import vn.edialog.query.summary.DialogueSummary;
import vn.edialog.query.summary.DialogueSummaryQueries;
import vn.edialog.query.timeline.DialogueTimelineQueries;
import vn.edialog.query.timeline.EventEvidence;

/**
 * One of the asker's dialogues: where it stands, the signed timeline re-checked on opening (the texts exactly as
 * signed, each event's signed bytes and signature to download), the receipts he was given, and the follow-ups he may sign now: clarify when asked to, rate an answer, reopen a closed
 * dialogue. Another asker's dialogue, or an unknown one, is "not found".
 */
@Controller
@RequestMapping("/my/dialogues/{dialogueId}")
class AskerDialoguePage {

    private static final List<String> TEXT_FIELDS = List.of("request", "text", "reason", "answer", "comment");

    private final AccessPolicy access;
    private final DialogueSummaryQueries summaries;
    private final DialogueTimelineQueries timeline;
    private final SignedTimeline signedTimeline;
    private final Receipts receipts;
    private final Tenants tenants;

    private final boolean demoPki;

    private final SealedPayloads sealed;

    AskerDialoguePage(
            AccessPolicy access,
            DialogueSummaryQueries summaries,
            DialogueTimelineQueries timeline,
            SignedTimeline signedTimeline,
            Receipts receipts,
            Tenants tenants,
            SealedPayloads sealed,
            @Value("${edialog.pki.demo:false}") boolean demoPki) {
        this.sealed = sealed;
        this.demoPki = demoPki;
        this.access = access;
        this.summaries = summaries;
        this.timeline = timeline;
        this.signedTimeline = signedTimeline;
        this.receipts = receipts;
        this.tenants = tenants;
    }

    @GetMapping
    String dialogue(@PathVariable UUID dialogueId, Model model) {
        Viewer.Asker asker = AskerPages.asker();
        DialogueSummary summary = readable(asker, dialogueId);
        SignedTimeline.Timeline signed = signedTimeline.read(asker.tenant(), dialogueId);
        JsonNode ask = signed.lastPayload("DialogueAsked").orElse(null);
        DialogueStatus status = DialogueStatus.valueOf(summary.status());
        boolean rated = signed.entries().stream().anyMatch(e -> e.eventType().equals("SatisfactionRated"));
        model.addAttribute("asker", asker);
        model.addAttribute("tenant", tenants.find(asker.tenant()).orElseThrow());
        model.addAttribute("summary", summary);
        model.addAttribute("subject", text(ask, "subject"));
        model.addAttribute("erasedAt", sealed.erasedAt(dialogueId).orElse(null));
        // A confidential dialogue's follow-ups are encrypted in the browser before they are sent.
        model.addAttribute("sealed", sealed.isSealed(dialogueId));
        model.addAttribute("question", text(ask, "body"));
        model.addAttribute("entries", signed.entries());
        model.addAttribute("checks", signed.checks());
        model.addAttribute("texts", texts(signed));
        model.addAttribute("evidenceBase", "/my/dialogues/" + dialogueId + "/events/");
        model.addAttribute("bundleUrl", "/api/v1/dialogues/" + dialogueId + "/evidence.asice");
        model.addAttribute("bundleFile", "edialog-" + summary.trackingCode() + ".asice");
        model.addAttribute("trustAnchorUrl", demoPki ? "/pki/root.pem" : null);
        model.addAttribute("receipts", receipts.of(dialogueId));
        model.addAttribute("mayClarify", status == DialogueStatus.AWAITING_CLARIFICATION);
        // What the agency asked, shown above the clarification form (the last request is the one awaiting an answer).
        model.addAttribute(
                "clarificationAsked",
                text(signed.lastPayload("ClarificationRequested").orElse(null), "request"));
        model.addAttribute("mayRate", (status == DialogueStatus.ANSWERED || status == DialogueStatus.CLOSED) && !rated);
        model.addAttribute("mayReopen", status == DialogueStatus.CLOSED);
        return "asker/dialogue";
    }

    @GetMapping("/events/{sequence}/payload")
    ResponseEntity<byte[]> payload(@PathVariable UUID dialogueId, @PathVariable long sequence) {
        return EvidenceDownloads.payload(evidence(dialogueId, sequence));
    }

    @GetMapping("/events/{sequence}/signature.p7s")
    ResponseEntity<byte[]> signature(@PathVariable UUID dialogueId, @PathVariable long sequence) {
        return EvidenceDownloads.signature(evidence(dialogueId, sequence));
    }

    private EventEvidence evidence(UUID dialogueId, long sequence) {
        Viewer.Asker asker = AskerPages.asker();
        readable(asker, dialogueId);
        return timeline.evidence(asker.tenant(), dialogueId, sequence)
                .map(sealed::open)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/receipts/{sequence}")
    ResponseEntity<Map<String, Object>> receipt(@PathVariable UUID dialogueId, @PathVariable long sequence) {
        Viewer.Asker asker = AskerPages.asker();
        readable(asker, dialogueId);
        Receipts.KeptReceipt kept = receipts.of(dialogueId).stream()
                .filter(r -> r.sequence() == sequence)
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("payload", kept.receipt().payload());
        body.put("signature", kept.receipt().signature());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("receipt-" + dialogueId + "-" + sequence + ".json")
                                .build()
                                .toString())
                .body(body);
    }

    private DialogueSummary readable(Viewer.Asker asker, UUID dialogueId) {
        if (!access.mayReadDialogue(asker, asker.tenant(), dialogueId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return summaries.find(dialogueId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * What each event said, quoted under it: a request, the asker's clarification, a reason, an answer, a rating with
     * its comment. The question is shown above the timeline; notes between agencies are theirs, not the asker's.
     */
    static Map<Long, String> texts(SignedTimeline.Timeline signed) {
        Map<Long, String> texts = new LinkedHashMap<>();
        for (SignedTimeline.Event event : signed.events()) {
            JsonNode payload = event.payload();
            if (payload == null || event.entry().eventType().equals("DialogueAsked")) {
                continue;
            }
            String quoted = payload.path("rating").isInt()
                    ? payload.path("rating").intValue() + " / 5"
                            + (text(payload, "comment") == null ? "" : " — " + text(payload, "comment"))
                    : TEXT_FIELDS.stream()
                            .map(field -> text(payload, field))
                            .filter(value -> value != null)
                            .findFirst()
                            .orElse(null);
            if (quoted != null) {
                texts.put(event.entry().sequence(), quoted);
            }
        }
        return texts;
    }

    private static String text(JsonNode payload, String field) {
        return payload != null
                        && payload.path(field).isTextual()
                        && !payload.path(field).asText().isBlank()
                ? payload.path(field).asText()
                : null;
    }
}
