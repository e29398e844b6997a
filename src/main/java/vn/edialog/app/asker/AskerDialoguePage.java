package vn.edialog.app.asker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import vn.edialog.app.intake.Receipts;
import vn.edialog.app.reads.SignedContent;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.command.dialogue.api.DialogueStatus;
import vn.edialog.query.summary.DialogueSummary;
import vn.edialog.query.summary.DialogueSummaryProjection;
import vn.edialog.query.timeline.DialogueTimelineProjection;
import vn.edialog.query.timeline.EventEvidence;
import vn.edialog.query.timeline.TimelineEntry;

/**
 * One of the asker's dialogues: where it stands, every signed message in order (the texts exactly as signed), the
 * receipts he was given, and the follow-ups he may sign now: clarify when asked to, rate an answer, reopen a closed
 * dialogue. Another asker's dialogue, or an unknown one, is "not found".
 */
@Controller
@RequestMapping("/my/dialogues/{dialogueId}")
class AskerDialoguePage {

    private final AccessPolicy access;
    private final DialogueSummaryProjection summaries;
    private final DialogueTimelineProjection timeline;
    private final Receipts receipts;
    private final Tenants tenants;

    AskerDialoguePage(
            AccessPolicy access,
            DialogueSummaryProjection summaries,
            DialogueTimelineProjection timeline,
            Receipts receipts,
            Tenants tenants) {
        this.access = access;
        this.summaries = summaries;
        this.timeline = timeline;
        this.receipts = receipts;
        this.tenants = tenants;
    }

    /** A message of the timeline with the texts its signed payload carries (field name → text). */
    record Message(TimelineEntry entry, Map<String, String> texts) {}

    @GetMapping
    String dialogue(@PathVariable UUID dialogueId, Model model) {
        Viewer.Asker asker = AskerPages.asker();
        DialogueSummary summary = readable(asker, dialogueId);
        List<Message> messages = new ArrayList<>();
        for (TimelineEntry entry : timeline.timeline(asker.tenant(), dialogueId)) {
            Map<String, String> texts = timeline.evidence(asker.tenant(), dialogueId, entry.sequence())
                    .map(AskerDialoguePage::texts)
                    .orElse(Map.of());
            messages.add(new Message(entry, texts));
        }
        String subject = messages.isEmpty() ? "" : messages.get(0).texts().getOrDefault("subject", "");
        DialogueStatus status = DialogueStatus.valueOf(summary.status());
        boolean rated = messages.stream().anyMatch(m -> m.entry().eventType().equals("SatisfactionRated"));
        model.addAttribute("asker", asker);
        model.addAttribute("tenant", tenants.find(asker.tenant()).orElseThrow());
        model.addAttribute("summary", summary);
        model.addAttribute("subject", subject);
        model.addAttribute("messages", messages);
        model.addAttribute("receipts", receipts.of(dialogueId));
        model.addAttribute("mayClarify", status == DialogueStatus.AWAITING_CLARIFICATION);
        model.addAttribute("mayRate", (status == DialogueStatus.ANSWERED || status == DialogueStatus.CLOSED) && !rated);
        model.addAttribute("mayReopen", status == DialogueStatus.CLOSED);
        return "asker/dialogue";
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

    /** The human texts of a signed payload, in reading order; the rest (ids, nonces, times) is for machines. */
    static Map<String, String> texts(EventEvidence evidence) {
        Map<String, String> texts = new LinkedHashMap<>();
        SignedContent.of(evidence.signedPayload()).ifPresent(fields -> {
            for (String field : List.of("subject", "body", "request", "text", "note", "answer", "reason", "comment")) {
                if (fields.get(field) instanceof String value && !value.isBlank()) {
                    texts.put(field, value);
                }
            }
            if (fields.get("rating") instanceof Integer rating) {
                texts.put("rating", Integer.toString(rating));
            }
        });
        return texts;
    }
}
