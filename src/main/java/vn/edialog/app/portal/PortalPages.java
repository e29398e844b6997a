package vn.edialog.app.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.tracking.EvidenceDownloads;
import vn.edialog.app.tracking.SignedTimeline;
import vn.edialog.app.web.PageErrors;
import vn.edialog.app.web.PageLinks;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.command.tenant.Topic;
import vn.edialog.query.Page;
import vn.edialog.query.portal.PublishedDialogue;
import vn.edialog.query.portal.PublishedDialogueQueries;
import vn.edialog.query.timeline.TimelineEntry;

/**
 * The public portal's pages (anonymous): the provinces, a province's published answers with search and filters, and
 * one published dialogue with the signed timeline of its public messages and the downloads to re-verify them. The
 * same read models and rules as the portal API ({@link PublicTimeline}): confidential dialogues are never in them, and
 * nothing of the asker is shown but whether a business or a citizen asked. Bad search input is answered with the form,
 * the reason and status 400.
 */
@Controller
class PortalPages {

    static final int PAGE_SIZE = 10;

    private static final Logger log = LoggerFactory.getLogger(PortalPages.class);

    private final PublishedDialogueQueries published;
    private final SignedTimeline signedTimeline;
    private final Tenants tenants;
    private final MessageSource messages;
    private final boolean demoPki;

    PortalPages(
            PublishedDialogueQueries published,
            SignedTimeline signedTimeline,
            Tenants tenants,
            MessageSource messages,
            @Value("${edialog.pki.demo:false}") boolean demoPki) {
        this.published = published;
        this.signedTimeline = signedTimeline;
        this.tenants = tenants;
        this.messages = messages;
        this.demoPki = demoPki;
    }

    /** What the search form holds, as typed (shown back in the form, also when refused). */
    record SearchForm(String q, String agency, String topic, String from, String to) {}

    /** One search result with its agency and topic (null when no longer in the tenant's catalogue) and snippet. */
    record Result(PublishedDialogue dialogue, Agency agency, Topic topic, List<Snippet.Segment> snippet) {}

    @GetMapping("/portal")
    String portal(Model model) {
        List<Tenant> all = tenants.all();
        if (all.size() == 1) {
            return "redirect:/portal/" + all.get(0).code();
        }
        model.addAttribute("provinces", all);
        return "portal/provinces";
    }

    @GetMapping("/portal/{tenant}")
    String search(
            @PathVariable("tenant") String tenantCode,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String page,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<Tenant> found = tenants.find(tenantCode);
        if (found.isEmpty()) {
            return PageErrors.notFound(model, response);
        }
        Tenant tenant = found.get();
        SearchForm form = new SearchForm(
                PortalSearch.strip(q),
                PortalSearch.strip(agency),
                PortalSearch.strip(topic),
                PortalSearch.strip(from),
                PortalSearch.strip(to));
        portalHeader(tenant, model);
        model.addAttribute("form", form);
        model.addAttribute("agencies", tenant.agencies());
        model.addAttribute("topics", tenant.topics());

        PortalSearch search = PortalSearch.read(tenant, q, agency, topic, from, to);
        List<String> errors = new ArrayList<>();
        for (PortalSearch.Problem problem : search.problems()) {
            errors.add(
                    problem.key().equals("portal.error.date")
                            ? text(problem.key(), text("portal.search." + problem.parameter()), problem.arguments()[0])
                            : text(problem.key(), problem.arguments()));
        }
        int pageNumber = pageNumber(page, errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors);
            return "portal/search";
        }

        Page<PublishedDialogue> results = published.search(search.query(tenant.code(), pageNumber, PAGE_SIZE));
        Optional<String> lastPage = PageLinks.redirectPastLast(request, pageNumber, results);
        if (lastPage.isPresent()) {
            return lastPage.get();
        }
        model.addAttribute("results", results);
        model.addAttribute(
                "items",
                results.items().stream()
                        .map(d -> new Result(
                                d,
                                tenant.agency(d.answeringAgency()).orElse(null),
                                tenant.topic(d.topic()).orElse(null),
                                snippet(d, search.q())))
                        .toList());
        model.addAttribute("searched", search.searched());
        PageLinks.addPager(model, request, results);
        return "portal/search";
    }

    @GetMapping("/portal/{tenant}/dialogues/{dialogueId}")
    String dialogue(
            @PathVariable("tenant") String tenantCode,
            @PathVariable("dialogueId") String dialogueId,
            HttpServletResponse response,
            Model model) {
        Optional<Tenant> tenant = tenants.find(tenantCode);
        Optional<UUID> id = uuid(dialogueId);
        Optional<PublishedDialogue> dialogue =
                tenant.isEmpty() || id.isEmpty() ? Optional.empty() : published.find(tenantCode, id.get());
        if (dialogue.isEmpty()) {
            return PageErrors.notFound(model, response);
        }
        PublishedDialogue d = dialogue.get();
        portalHeader(tenant.get(), model);
        SignedTimeline.Timeline timeline = signedTimeline.read(tenantCode, d.dialogueId());
        List<SignedTimeline.Event> events = timeline.events().stream()
                .filter(e -> PublicTimeline.isPublic(e.entry(), d.redacted()))
                .toList();
        List<TimelineEntry> entries =
                events.stream().map(SignedTimeline.Event::entry).toList();
        model.addAttribute("dialogue", d);
        model.addAttribute("agency", tenant.get().agency(d.answeringAgency()).orElse(null));
        model.addAttribute("topic", tenant.get().topic(d.topic()).orElse(null));
        model.addAttribute(
                "askedAt",
                entries.stream()
                        .filter(e -> e.eventType().equals("DialogueAsked"))
                        .map(TimelineEntry::at)
                        .findFirst()
                        .orElse(null));
        model.addAttribute("entries", entries);
        model.addAttribute("checks", timeline.checks());
        model.addAttribute(
                "allVerified", events.stream().allMatch(e -> e.check().verified()));
        String evidenceBase = "/api/v1/portal/" + tenantCode + "/dialogues/" + d.dialogueId() + "/events/";
        model.addAttribute("evidenceBase", evidenceBase);
        model.addAttribute("trustAnchorUrl", demoPki ? "/pki/root.pem" : null);
        model.addAttribute(
                "bundleUrl", "/api/v1/portal/" + tenantCode + "/dialogues/" + d.dialogueId() + "/evidence.asice");
        model.addAttribute("bundleFile", "edialog-" + d.dialogueId() + ".asice");
        // The help's commands name the files of the latest answer, the message most readers want to check.
        // Of a redacted publication, the redaction itself (the People's Committee's signed text).
        String example = d.redacted() ? "AnswerPublished" : "DialogueAnswered";
        entries.stream()
                .filter(e -> PublicTimeline.downloadable(e, d.redacted()))
                .filter(e -> e.eventType().equals(example))
                .reduce((first, second) -> second)
                .ifPresent(answer -> model.addAttribute("example", example(d.dialogueId(), answer, timeline)));
        return "portal/dialogue";
    }

    /** The file names and signing time for the help's verification commands. */
    record Example(String payloadFile, String signatureFile, String at) {}

    private static Example example(UUID dialogueId, TimelineEntry answer, SignedTimeline.Timeline timeline) {
        Map<Long, SignedTimeline.EventCheck> checks = timeline.checks();
        SignedTimeline.EventCheck check = checks.get(answer.sequence());
        Instant at = check != null && check.signingTime() != null ? check.signingTime() : answer.at();
        return new Example(
                EvidenceDownloads.fileName(dialogueId, answer.sequence(), ".json"),
                EvidenceDownloads.fileName(dialogueId, answer.sequence(), ".p7s"),
                at.toString());
    }

    /** The page's own failures are shown as a page, never as the API's JSON problem. */
    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e) {
        return PageErrors.unexpected(log, e);
    }

    /** What every portal page of a province shows in its head and header: the feed, the on-time figure. */
    private void portalHeader(Tenant tenant, Model model) {
        model.addAttribute("tenant", tenant);
        // A model attribute, not an expression in the head fragment's call: Thymeleaf restricts those.
        model.addAttribute("pageTitle", text("portal.title", tenantName(tenant)));
        model.addAttribute("feedUrl", "/api/v1/portal/" + tenant.code() + "/feed.atom");
        model.addAttribute("feedTitle", text("portal.feed", tenantName(tenant)));
        model.addAttribute("onTimeUrl", "/portal/" + tenant.code() + "/on-time");
    }

    private static List<Snippet.Segment> snippet(PublishedDialogue dialogue, String query) {
        String source = query != null
                        && !Snippet.mentions(dialogue.answer(), query)
                        && Snippet.mentions(dialogue.question(), query)
                ? dialogue.question()
                : dialogue.answer();
        return Snippet.of(source, query);
    }

    private int pageNumber(String value, List<String> errors) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int page = Integer.parseInt(value.strip());
            if (page >= 0) {
                return page;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(text("portal.error.page"));
        return 0;
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String tenantName(Tenant tenant) {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? tenant.nameEn() : tenant.nameVi();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
