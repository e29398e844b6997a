package vn.edialog.app.access;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The viewer of the current request, from the security context. */
public final class Viewers {

    private Viewers() {}

    public static Optional<Viewer> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof ViewerAuthentication viewer
                ? Optional.of(viewer.getPrincipal())
                : Optional.empty();
    }

    public static Optional<Viewer.Asker> asker() {
        return current().filter(Viewer.Asker.class::isInstance).map(Viewer.Asker.class::cast);
    }

    public static Optional<Viewer.Staff> staff() {
        return current().filter(Viewer.Staff.class::isInstance).map(Viewer.Staff.class::cast);
    }
}
