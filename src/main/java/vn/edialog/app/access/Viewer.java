package vn.edialog.app.access;

import java.io.Serializable;
import java.util.Set;
import vn.edialog.command.dialogue.api.ActorKind;

/** The signed-in person behind a request: an asker (business or citizen) or an official (staff of an agency). */
public sealed interface Viewer extends Serializable permits Viewer.Asker, Viewer.Staff {

    /** The province the viewer acts in; no viewer reads across tenants. */
    String tenant();

    /** The name shown in the page header. */
    String displayName();

    /**
     * A business or citizen signed in with a certificate, bound to the identity it carries.
     *
     * @param kind BUSINESS (MST) or CITIZEN (CCCD/CMND)
     * @param partyId the identity as the dialogues record it, such as {@code MST:0101234567}
     * @param certificateSerial hexadecimal serial of the certificate used to sign in
     */
    record Asker(
            String tenant,
            ActorKind kind,
            String partyId,
            String name,
            String certificateSubject,
            String certificateIssuer,
            String certificateSerial)
            implements Viewer {

        @Override
        public String displayName() {
            return name;
        }
    }

    /**
     * An official of an agency, with the roles held there.
     *
     * @param provinceWide whether the agency is the tenant's moderator (the People's Committee), whose officials see
     *     every agency of the province
     */
    record Staff(Official official, Set<OfficialRole> roles, boolean provinceWide) implements Viewer {

        public Staff {
            roles = Set.copyOf(roles);
        }

        @Override
        public String tenant() {
            return official.tenant();
        }

        public String agency() {
            return official.agency();
        }

        @Override
        public String displayName() {
            return official.name();
        }

        public boolean has(OfficialRole role) {
            return roles.contains(role);
        }
    }
}
