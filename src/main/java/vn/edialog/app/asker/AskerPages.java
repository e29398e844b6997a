package vn.edialog.app.asker;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import vn.edialog.app.access.Viewer;
import vn.edialog.app.access.Viewers;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.web.PageLinks;
import vn.edialog.command.dialogue.api.DialogueStatus;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.command.tenant.Topic;
import vn.edialog.query.Page;
import vn.edialog.query.inbox.PartyInboxQueries;

/**
 * "My dialogues" of the signed-in business or citizen, and the form to compose a new one. Signing happens in the
 * browser (edialog-sign.js); these pages only show what the asker may read and the forms to sign.
 */
@Controller
@RequestMapping("/my/dialogues")
class AskerPages {

    private static final int PAGE_SIZE = 20;

    private final PartyInboxQueries inbox;
    private final Tenants tenants;

    AskerPages(PartyInboxQueries inbox, Tenants tenants) {
        this.inbox = inbox;
        this.tenants = tenants;
    }

    @GetMapping
    String dialogues(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        Viewer.Asker asker = asker();
        Set<DialogueStatus> statuses = EnumSet.noneOf(DialogueStatus.class);
        if (status != null && !status.isBlank()) {
            try {
                statuses.add(DialogueStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown status " + status);
            }
        }
        if (page < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must not be negative");
        }
        Page<?> dialogues = inbox.askerInbox(asker.tenant(), asker.kind(), asker.partyId(), statuses, page, PAGE_SIZE);
        Optional<String> lastPage = PageLinks.redirectPastLast(request, page, dialogues);
        if (lastPage.isPresent()) {
            return lastPage.get();
        }
        model.addAttribute("asker", asker);
        model.addAttribute("tenant", tenant(asker));
        model.addAttribute("dialogues", dialogues);
        PageLinks.addPager(model, request, dialogues);
        model.addAttribute("status", statuses.isEmpty() ? "" : status);
        model.addAttribute("statuses", DialogueStatus.values());
        return "asker/dialogues";
    }

    @GetMapping("/new")
    String compose(@RequestParam(required = false) String topic, Model model) {
        Viewer.Asker asker = asker();
        Tenant tenant = tenant(asker);
        model.addAttribute("asker", asker);
        model.addAttribute("tenant", tenant);
        Optional<Topic> chosen = topic == null ? Optional.empty() : tenant.topic(topic);
        if (topic != null && chosen.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no topic " + topic);
        }
        model.addAttribute("topic", chosen.orElse(null));
        model.addAttribute("dialogueId", UUID.randomUUID());
        return "asker/compose";
    }

    private Tenant tenant(Viewer.Asker asker) {
        return tenants.find(asker.tenant()).orElseThrow();
    }

    static Viewer.Asker asker() {
        return Viewers.asker().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
