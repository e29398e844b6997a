package vn.edialog.app.cases;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.edialog.app.government.Official;
import vn.edialog.app.intake.DialogueIntake;
import vn.edialog.app.officials.OfficialsDirectory;
import vn.edialog.query.inbox.PartyInboxProjection;
import vn.edialog.query.timeline.DialogueTimelineProjection;
import vn.edialog.query.timeline.TimelineEntry;

/**
 * The case page an official opens from a Tasklist task: every signed event of the dialogue, who acted for which
 * agency and when, the signer and the hash chain. Officials log in with their Tasklist account (HTTP Basic); only
 * officials of an agency taking part in the dialogue (its moderator, a department it was forwarded to) see it.
 */
@RestController
class CasePageController {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final IdentityService identity;
    private final OfficialsDirectory officials;
    private final DialogueIntake dialogues;
    private final PartyInboxProjection inbox;
    private final DialogueTimelineProjection timeline;

    CasePageController(
            IdentityService identity,
            OfficialsDirectory officials,
            DialogueIntake dialogues,
            PartyInboxProjection inbox,
            DialogueTimelineProjection timeline) {
        this.identity = identity;
        this.officials = officials;
        this.dialogues = dialogues;
        this.inbox = inbox;
        this.timeline = timeline;
    }

    @GetMapping(value = "/cases/{dialogueId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> casePage(@PathVariable UUID dialogueId, HttpServletRequest request) {
        Optional<String> user = authenticatedUser(request);
        if (user.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"eDialog\", charset=\"UTF-8\"")
                    .contentType(MediaType.TEXT_HTML)
                    .body(page(
                            "Đăng nhập / Log in",
                            "<p>Đăng nhập bằng tài khoản Tasklist. Log in with your Tasklist" + " account.</p>"));
        }
        Optional<Official> official = officials.find(user.get());
        Optional<String> tenant = dialogues.tenantOf(dialogueId);
        if (official.isEmpty()
                || tenant.isEmpty()
                || !official.get().tenant().equals(tenant.get())
                || !inbox.involves(tenant.get(), official.get().agency(), dialogueId)) {
            // The same answer for "no such dialogue" and "not yours": nothing leaks across agencies or provinces.
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.TEXT_HTML)
                    .body(page(
                            "Không tìm thấy / Not found",
                            "<p>Không có hồ sơ này trong các đơn vị của bạn. No such" + " case in your agencies.</p>"));
        }
        List<TimelineEntry> entries = timeline.timeline(tenant.get(), dialogueId);
        StringBuilder body = new StringBuilder()
                .append("<p>Hồ sơ / Case <code>")
                .append(dialogueId)
                .append("</code> — ")
                .append(entries.size())
                .append(" sự kiện đã ký / signed events</p>\n<ol class=\"timeline\">\n");
        for (TimelineEntry entry : entries) {
            body.append("<li><p><strong>")
                    .append(escape(entry.summaryVi()))
                    .append("</strong><br><span lang=\"en\">")
                    .append(escape(entry.summaryEn()))
                    .append("</span></p>\n<p>")
                    .append(TIME.format(entry.at()))
                    .append(" · ")
                    .append(escape(entry.actor().name()))
                    .append(
                            entry.actor().agency() == null
                                    ? ""
                                    : " (" + escape(entry.actor().agency()) + ")")
                    .append(" · ")
                    .append(escape(entry.actor().kind().name()))
                    .append("</p>\n");
            if (entry.signer() != null) {
                body.append("<p class=\"sig\">Ký bởi / signed by ")
                        .append(escape(entry.signer().subjectCommonName()))
                        .append(" — cấp bởi / issued by ")
                        .append(escape(entry.signer().issuerCommonName()))
                        .append(" — số / serial ")
                        .append(escape(entry.signer().serialNumber()))
                        .append("</p>\n");
            }
            body.append("<p class=\"hash\">#")
                    .append(entry.sequence())
                    .append(" hash <code>")
                    .append(escape(entry.hash()))
                    .append("</code></p></li>\n");
        }
        body.append("</ol>\n");
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .body(page("Hồ sơ đối thoại / Dialogue case", body.toString()));
    }

    private Optional<String> authenticatedUser(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith("Basic ")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        return identity.checkPassword(user, decoded.substring(colon + 1)) ? Optional.of(user) : Optional.empty();
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="vi"><head><meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s — eDialog</title>
                <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.4}
                .timeline li{margin-bottom:1rem}.sig,.hash{color:#555;font-size:.9rem;overflow-wrap:anywhere}</style>
                </head><body><h1>%s</h1>
                %s</body></html>
                """
                .formatted(escape(title), escape(title), body);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
