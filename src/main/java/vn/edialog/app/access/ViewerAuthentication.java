package vn.edialog.app.access;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A session's authentication: the {@link Viewer} is the principal. Authorities give the coarse URL rules ({@code
 * ROLE_ASKER}, {@code ROLE_STAFF}, and {@code ROLE_MODERATORS|OFFICERS|LEADERS}); {@link AccessPolicy} decides per
 * tenant, agency and dialogue.
 */
public final class ViewerAuthentication extends AbstractAuthenticationToken {

    private final Viewer viewer;

    public ViewerAuthentication(Viewer viewer) {
        super(authorities(viewer));
        this.viewer = viewer;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(Viewer viewer) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (viewer instanceof Viewer.Staff staff) {
            authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
            for (OfficialRole role : staff.roles()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
            }
        } else {
            authorities.add(new SimpleGrantedAuthority("ROLE_ASKER"));
        }
        return authorities;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Viewer getPrincipal() {
        return viewer;
    }

    @Override
    public String getName() {
        return viewer instanceof Viewer.Staff staff ? staff.official().userId() : ((Viewer.Asker) viewer).partyId();
    }
}
