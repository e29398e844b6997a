package vn.edialog.app.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page ({@code templates/error.html}) for the server-rendered pages, with the status it answers. The API's
 * exception handler answers RFC 9457 problems for every controller, so pages handle their own failures with these: a
 * browser is shown a page in its language, never a JSON problem.
 */
public final class PageErrors {

    private PageErrors() {}

    /** "Not found": no such page or dialogue, or one this viewer may not read (the same answer, so ids do not leak). */
    public static String notFound(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("status", HttpStatus.NOT_FOUND.value());
        return "error";
    }

    /** An unforeseen failure: logged in full, answered with the generic error page. */
    public static ModelAndView unexpected(Logger log, Exception e) {
        log.error("Page failed", e);
        ModelAndView page = new ModelAndView("error", HttpStatus.INTERNAL_SERVER_ERROR);
        page.addObject("status", HttpStatus.INTERNAL_SERVER_ERROR.value());
        return page;
    }
}
