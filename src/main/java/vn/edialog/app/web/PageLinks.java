package vn.edialog.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;
import vn.edialog.query.Page;

/** Links between the pages of a paged list: the same address with another page number. */
public final class PageLinks {

    private PageLinks() {}

    /** The current address with {@code page} in place of its page number (and without a one-time language switch). */
    public static String url(HttpServletRequest request, long page) {
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam("lang")
                .replaceQueryParam("page", page)
                .build()
                .toUriString();
    }

    /** Puts the links to the previous and next pages of {@code page}, where there are such pages, in the model. */
    public static void addPager(Model model, HttpServletRequest request, Page<?> page) {
        if (page.page() > 0) {
            model.addAttribute("previousUrl", url(request, page.page() - 1));
        }
        if (page.page() + 1 < page.pages()) {
            model.addAttribute("nextUrl", url(request, page.page() + 1));
        }
    }

    /**
     * Where a request for a page past the last one (a stale link, a list that shrank, an edited address) is sent
     * instead of an empty page: the last page, or the first when the list is empty.
     */
    public static Optional<String> redirectPastLast(HttpServletRequest request, int page, Page<?> results) {
        if (page > 0 && page >= results.pages()) {
            return Optional.of("redirect:" + url(request, Math.max(0, results.pages() - 1)));
        }
        return Optional.empty();
    }
}
