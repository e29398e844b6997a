package vn.edialog.app.tracking;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.web.PageErrors;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.query.summary.DialogueSummary;
import vn.edialog.query.summary.DialogueSummaryQueries;

/**
 * The tracking page (anonymous): where a dialogue stands, by the tracking code its asker received. Status facts only
 * (status, handling agency, due date, dates), like the status API: never the question, the answer or the asker, so it
 * is safe for anyone holding the code.
 */
@Controller
class TrackingPages {

    /**
     * Tracking codes are "DEMO-2026-000001-K7QX2M": the tenant code, the year, a sequence number and a random part
     * (codes issued before the random part have none and still work).
     */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");

    private static final Logger log = LoggerFactory.getLogger(TrackingPages.class);

    private final DialogueSummaryQueries summaries;
    private final Tenants tenants;

    TrackingPages(DialogueSummaryQueries summaries, Tenants tenants) {
        this.summaries = summaries;
        this.tenants = tenants;
    }

    /** The form; submitted, it goes to the code's own address, which the asker can bookmark. */
    @GetMapping("/tracking")
    String form(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
        if (code == null || code.isBlank()) {
            return "tracking";
        }
        String normalized = normalize(code);
        if (!CODE.matcher(normalized).matches()) {
            return badCode(code, model, response);
        }
        return "redirect:/tracking/" + UriUtils.encodePathSegment(normalized, java.nio.charset.StandardCharsets.UTF_8);
    }

    @GetMapping("/tracking/{code}")
    String status(@PathVariable String code, Model model, HttpServletResponse response) {
        String normalized = normalize(code);
        if (!CODE.matcher(normalized).matches()) {
            return badCode(code, model, response);
        }
        model.addAttribute("code", normalized);
        Optional<DialogueSummary> summary = summaries.findByTrackingCode(normalized);
        if (summary.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("notFound", true);
            return "tracking";
        }
        DialogueSummary s = summary.get();
        Tenant tenant = tenants.find(s.tenant()).orElse(null);
        model.addAttribute("summary", s);
        model.addAttribute("tenant", tenant);
        model.addAttribute(
                "handlingAgency",
                tenant == null ? null : tenant.agency(s.handlingAgency()).orElse(null));
        return "tracking";
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e) {
        return PageErrors.unexpected(log, e);
    }

    private static String badCode(String code, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("code", code.length() > 64 ? code.substring(0, 64) : code);
        model.addAttribute("badCode", true);
        return "tracking";
    }

    private static String normalize(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
