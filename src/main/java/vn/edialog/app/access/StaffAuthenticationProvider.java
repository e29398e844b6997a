package vn.edialog.app.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.command.tenant.AgencyKind;

/**
 * Officials sign in with their Tasklist account (Camunda's identity service: the page form, or HTTP Basic for API
 * clients). A user who is no official of any agency is refused like a wrong password.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final OfficialsDirectory officials;
    private final Tenants tenants;

    StaffAuthenticationProvider(OfficialsDirectory officials, Tenants tenants) {
        this.officials = officials;
        this.tenants = tenants;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isBlank() || credentials == null) {
            throw new BadCredentialsException("user name and password are required");
        }
        if (!officials.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("wrong user name or password");
        }
        Official official =
                officials.find(user).orElseThrow(() -> new BadCredentialsException("not an official of any agency"));
        boolean provinceWide = tenants.find(official.tenant())
                .flatMap(tenant -> tenant.agency(official.agency()))
                .map(agency -> agency.kind() == AgencyKind.MODERATOR)
                .orElse(false);
        return new ViewerAuthentication(new Viewer.Staff(official, officials.roles(official), provinceWide));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
