package vn.edialog.app.official;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import vn.edialog.app.access.AccessPolicy;
import vn.edialog.app.access.OfficialRole;
import vn.edialog.app.access.Viewer;
import vn.edialog.app.access.Viewers;
import vn.edialog.app.confidential.SealedPayloads;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.tracking.EvidenceDownloads;
import vn.edialog.app.tracking.SignedTimeline;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.app.web.PageErrors;
import vn.edialog.command.dialogue.api.DialogueRefusal;
import vn.edialog.command.dialogue.api.DialogueStatus;
import vn.edialog.command.dialogue.api.TextLimits;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.query.portal.PublishedDialogueQueries;
import vn.edialog.query.summary.DialogueSummary;
import vn.edialog.query.summary.DialogueSummaryQueries;
import vn.edialog.query.timeline.DialogueTimelineQueries;
import vn.edialog.query.timeline.EventEvidence;
import vn.edialog.query.timeline.TimelineEntry;

/**
 * The case page an official opens from a Tasklist task or his agency's list: the dialogue's key facts, the question and
 * the latest answer, and every signed event with who acted for which agency and when, the signer, the re-checked
 * signature and hash link, and the downloads of the signed bytes and signature. Confidential dialogues are shown too
 * (marked): the officials reading them take part in them. Who may read is {@link AccessPolicy#mayReadDialogue}'s
 * decision (the agencies taking part, in the official's own province); refused and unknown look the same (404).
 */
@Controller
class CasePageController {

    /** The signed text fields quoted under an event, by the payload field that holds them. */
    private static final List<String> TEXT_FIELDS = List.of("request", "text", "note", "reason", "answer", "comment");

    private static final Logger log = LoggerFactory.getLogger(CasePageController.class);

    private final AccessPolicy access;
    private final SignedTimeline signedTimeline;
    private final DialogueTimelineQueries timeline;
    private final DialogueSummaryQueries summaries;
    private final Tenants tenants;
    private final PublishedDialogueQueries published;
    private final GovernmentActions government;

    private final boolean demoPki;

    private final SealedPayloads sealed;

    CasePageController(
            AccessPolicy access,
            SignedTimeline signedTimeline,
            DialogueTimelineQueries timeline,
            DialogueSummaryQueries summaries,
            Tenants tenants,
            PublishedDialogueQueries published,
            GovernmentActions government,
            SealedPayloads sealed,
            @Value("${edialog.pki.demo:false}") boolean demoPki) {
        this.sealed = sealed;
        this.demoPki = demoPki;
        this.access = access;
        this.signedTimeline = signedTimeline;
        this.timeline = timeline;
        this.summaries = summaries;
        this.tenants = tenants;
        this.published = published;
        this.government = government;
    }

    /** A refused or unknown case or event: answered as "not found", never as "forbidden". */
    static final class CaseNotFound extends RuntimeException {
        CaseNotFound() {
            super("no such case for this official", null, false, false);
        }
    }

    @GetMapping("/cases/{dialogueId}")
    String casePage(@PathVariable String dialogueId, Model model, HttpServletResponse response) {
        Optional<Viewer.Staff> staff = Viewers.staff();
        Optional<UUID> id = readable(staff, dialogueId);
        if (id.isEmpty()) {
            return PageErrors.notFound(model, response);
        }
        String tenantCode = staff.get().tenant();
        SignedTimeline.Timeline signed = signedTimeline.read(tenantCode, id.get());
        if (signed.events().isEmpty()) {
            return PageErrors.notFound(model, response);
        }
        Tenant tenant = tenants.find(tenantCode).orElse(null);
        DialogueSummary summary = summaries.find(id.get()).orElse(null);
        JsonNode ask = signed.lastPayload("DialogueAsked").orElse(null);
        Optional<SignedTimeline.Event> answer = signed.events().stream()
                .filter(e -> e.entry().eventType().equals("DialogueAnswered"))
                .reduce((first, second) -> second);

        model.addAttribute("dialogueId", id.get());
        model.addAttribute("tenant", tenant);
        model.addAttribute("summary", summary);
        model.addAttribute(
                "handlingAgency",
                tenant == null || summary == null
                        ? null
                        : tenant.agency(summary.handlingAgency()).orElse(null));
        model.addAttribute(
                "topic",
                tenant == null || summary == null
                        ? null
                        : tenant.topic(summary.topic()).orElse(null));
        model.addAttribute("subject", text(ask, "subject"));
        model.addAttribute("erasedAt", sealed.erasedAt(id.get()).orElse(null));
        model.addAttribute("question", text(ask, "body"));
        model.addAttribute(
                "confidential", ask != null && ask.path("confidential").asBoolean(false));
        model.addAttribute(
                "answer", answer.map(e -> text(e.payload(), "answer")).orElse(null));
        model.addAttribute(
                "answerEntry", answer.map(SignedTimeline.Event::entry).orElse(null));
        model.addAttribute("entries", signed.entries());
        model.addAttribute("checks", signed.checks());
        model.addAttribute(
                "allVerified", signed.events().stream().allMatch(e -> e.check().verified()));
        model.addAttribute(
                "texts", texts(signed, answer.map(e -> e.entry().sequence()).orElse(-1L)));
        model.addAttribute("evidenceBase", "/cases/" + id.get() + "/events/");
        model.addAttribute("bundleUrl", "/api/v1/dialogues/" + id.get() + "/evidence.asice");
        model.addAttribute("bundleFile", "edialog-" + (summary == null ? id.get() : summary.trackingCode()) + ".asice");
        model.addAttribute("trustAnchorUrl", demoPki ? "/pki/root.pem" : null);
        boolean onPortal = published.find(tenantCode, id.get()).isPresent();
        model.addAttribute("onPortal", onPortal);
        model.addAttribute("mayWithdraw", onPortal && isModerator(staff.get(), tenant));
        model.addAttribute(
                "mayErase",
                summary != null
                        && sealed.isSealed(id.get())
                        && sealed.erasedAt(id.get()).isEmpty()
                        && (DialogueStatus.CLOSED.name().equals(summary.status())
                                || DialogueStatus.REJECTED.name().equals(summary.status()))
                        && isLeader(staff.get(), tenant));
        return "cases/case";
    }

    /**
     * The moderator withdraws the published answer from the portal, its search and its feed: signed by the server
     * with the People's Committee's key, with the reason given. A blank reason or a refusal changes nothing and is
     * shown on the case page.
     */
    @PostMapping("/cases/{dialogueId}/publication/withdrawal")
    String withdrawPublication(@PathVariable String dialogueId, @RequestParam(defaultValue = "") String reason) {
        Optional<Viewer.Staff> staff = Viewers.staff();
        UUID id = readable(staff, dialogueId).orElseThrow(CaseNotFound::new);
        Tenant tenant = tenants.find(staff.get().tenant()).orElse(null);
        if (!isModerator(staff.get(), tenant)) {
            throw new CaseNotFound();
        }
        String page = "redirect:/cases/" + id;
        if (reason.isBlank() || TextLimits.length(reason.strip()) > TextLimits.REASON_MAX) {
            return page + "?withdrawal=reason";
        }
        try {
            government.withdrawPublication(id, staff.get().official(), reason.strip());
        } catch (DialogueRefusal refusal) {
            log.info("Withdrawal of dialogue {} refused: {}", id, refusal.getMessage());
            return page + "?withdrawal=refused";
        }
        return page + "?withdrawal=done";
    }

    /**
     * A leader of the People's Committee erases a finished confidential dialogue's content for good (Decree 13/2023),
     * with the reason given: the signed erasure is recorded and the dialogue's data keys destroyed. A blank reason or a
     * refusal changes nothing and is shown on the case page.
     */
    @PostMapping("/cases/{dialogueId}/erasure")
    String erase(@PathVariable String dialogueId, @RequestParam(defaultValue = "") String reason) {
        Optional<Viewer.Staff> staff = Viewers.staff();
        UUID id = readable(staff, dialogueId).orElseThrow(CaseNotFound::new);
        Tenant tenant = tenants.find(staff.get().tenant()).orElse(null);
        if (!isLeader(staff.get(), tenant)) {
            throw new CaseNotFound();
        }
        String page = "redirect:/cases/" + id;
        if (reason.isBlank() || TextLimits.length(reason.strip()) > TextLimits.REASON_MAX) {
            return page + "?erasure=reason";
        }
        try {
            government.erasePersonalData(id, staff.get().official(), reason.strip());
        } catch (DialogueRefusal | ApiProblem refusal) {
            log.info("Erasure of dialogue {} refused: {}", id, refusal.getMessage());
            return page + "?erasure=refused";
        }
        return page + "?erasure=done";
    }

    private static boolean isLeader(Viewer.Staff staff, Tenant tenant) {
        return tenant != null
                && staff.roles().contains(OfficialRole.LEADERS)
                && tenant.moderatorAgency().equals(staff.official().agency());
    }

    private static boolean isModerator(Viewer.Staff staff, Tenant tenant) {
        return tenant != null
                && staff.roles().contains(OfficialRole.MODERATORS)
                && tenant.moderatorAgency().equals(staff.official().agency());
    }

    @GetMapping("/cases/{dialogueId}/events/{sequence}/payload")
    ResponseEntity<byte[]> payload(@PathVariable String dialogueId, @PathVariable String sequence) {
        EventEvidence evidence = evidence(dialogueId, sequence);
        return EvidenceDownloads.payload(evidence);
    }

    @GetMapping("/cases/{dialogueId}/events/{sequence}/signature.p7s")
    ResponseEntity<byte[]> signature(@PathVariable String dialogueId, @PathVariable String sequence) {
        EventEvidence evidence = evidence(dialogueId, sequence);
        return EvidenceDownloads.signature(evidence);
    }

    @ExceptionHandler(CaseNotFound.class)
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", HttpStatus.NOT_FOUND.value());
        return page;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e) {
        return PageErrors.unexpected(log, e);
    }

    private Optional<UUID> readable(Optional<Viewer.Staff> staff, String dialogueId) {
        Optional<UUID> id;
        try {
            id = Optional.of(UUID.fromString(dialogueId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return staff.isPresent()
                        && access.mayReadDialogue(staff.get(), staff.get().tenant(), id.get())
                ? id
                : Optional.empty();
    }

    private EventEvidence evidence(String dialogueId, String sequence) {
        Optional<Viewer.Staff> staff = Viewers.staff();
        UUID id = readable(staff, dialogueId).orElseThrow(CaseNotFound::new);
        long number;
        try {
            number = Long.parseLong(sequence);
        } catch (NumberFormatException e) {
            throw new CaseNotFound();
        }
        return timeline.evidence(staff.get().tenant(), id, number)
                .map(sealed::open)
                .orElseThrow(CaseNotFound::new);
    }

    /**
     * The signed text of each event to quote in the timeline: the note of a forward, a request, a reason, an answer.
     * The question and the latest answer are shown above the timeline and not repeated.
     */
    private static Map<Long, String> texts(SignedTimeline.Timeline signed, long shownAnswer) {
        Map<Long, String> texts = new LinkedHashMap<>();
        for (SignedTimeline.Event event : signed.events()) {
            TimelineEntry entry = event.entry();
            if (entry.eventType().equals("DialogueAsked") || entry.sequence() == shownAnswer) {
                continue;
            }
            TEXT_FIELDS.stream()
                    .map(field -> text(event.payload(), field))
                    .filter(value -> value != null && !value.isBlank())
                    .findFirst()
                    .ifPresent(value -> texts.put(entry.sequence(), value));
        }
        return texts;
    }

    private static String text(JsonNode payload, String field) {
        return payload != null && payload.path(field).isTextual()
                ? payload.path(field).asText()
                : null;
    }
}
