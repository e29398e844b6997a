package vn.edialog.app.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.command.tenant.Tenant;

/** What every page's header needs: who is signed in, the provinces, and this page's address in the other language. */
@ControllerAdvice(annotations = Controller.class)
class ViewerModel {

    private final Tenants tenants;

    ViewerModel(Tenants tenants) {
        this.tenants = tenants;
    }

    /** The signed-in viewer, or null. */
    @ModelAttribute("viewer")
    Viewer viewer() {
        return Viewers.current().orElse(null);
    }

    @ModelAttribute("tenants")
    List<Tenant> tenants() {
        return tenants.all();
    }

    /** This page with {@code lang} set to the other language, for the language switch. */
    @ModelAttribute("otherLanguageUrl")
    String otherLanguageUrl(HttpServletRequest request) {
        String other = vn.edialog.app.web.L10n.english() ? "vi" : "en";
        String query = request.getQueryString();
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(query)
                .replaceQueryParam("lang", other)
                .build()
                .toUriString();
    }
}
