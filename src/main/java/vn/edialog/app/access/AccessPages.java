package vn.edialog.app.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.web.PageLinks;
import vn.edialog.query.Page;
import vn.edialog.query.inbox.PartyInboxQueries;

/** The sign-in page, and the officials' landing page: their agency's dialogues and the way to the Tasklist. */
@Controller
class AccessPages {

    private final PartyInboxQueries inbox;
    private final Tenants tenants;

    AccessPages(PartyInboxQueries inbox, Tenants tenants) {
        this.inbox = inbox;
        this.tenants = tenants;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/portal";
    }

    @GetMapping("/sign-in")
    String signIn(@RequestParam(required = false) String next, Model model) {
        // Only a local path: an open redirect after sign-in would help phishing.
        model.addAttribute("next", LocalPaths.safeOr(next, "/my/dialogues"));
        return "sign-in";
    }

    @GetMapping("/staff")
    String staff(@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        Viewer.Staff staff = Viewers.staff().orElseThrow();
        model.addAttribute("staff", staff);
        model.addAttribute(
                "agency",
                tenants.find(staff.tenant())
                        .flatMap(t -> t.agency(staff.agency()))
                        .orElse(null));
        Page<?> dialogues = inbox.agencyInbox(staff.tenant(), staff.agency(), Set.of(), Math.max(page, 0), 25);
        Optional<String> lastPage = PageLinks.redirectPastLast(request, page, dialogues);
        if (lastPage.isPresent()) {
            return lastPage.get();
        }
        model.addAttribute("inbox", dialogues);
        PageLinks.addPager(model, request, dialogues);
        return "staff";
    }
}
