package vn.edialog.app.access;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.edialog.query.inbox.PartyInboxQueries;

/**
 * Which dialogues, inboxes and reports a viewer may read. One place, used by the pages and the read API alike:
 *
 * <ul>
 *   <li>an asker reads the dialogues he filed, in the tenant he signed in to;
 *   <li>an official reads the dialogues his agency takes part in (as moderator, or a department it was forwarded to);
 *   <li>an agency's inbox is read by its own officials and by the People's Committee of the same province;
 *   <li>reports are read by leaders: of the People's Committee for the whole province, of a department for it alone.
 * </ul>
 *
 * Nobody reads across tenants. Callers answer a refused dialogue as "not found", so that ids do not leak.
 */
@Component
public class AccessPolicy {

    private final PartyInboxQueries inbox;

    AccessPolicy(PartyInboxQueries inbox) {
        this.inbox = inbox;
    }

    public boolean mayReadDialogue(Viewer viewer, String tenant, UUID dialogueId) {
        if (viewer == null || tenant == null || !viewer.tenant().equals(tenant)) {
            return false;
        }
        if (viewer instanceof Viewer.Asker asker) {
            return inbox.asked(tenant, asker.kind(), asker.partyId(), dialogueId);
        }
        return inbox.involves(tenant, ((Viewer.Staff) viewer).agency(), dialogueId);
    }

    public boolean mayReadAgencyInbox(Viewer viewer, String tenant, String agency) {
        return viewer instanceof Viewer.Staff staff
                && staff.tenant().equals(tenant)
                && (staff.agency().equals(agency) || staff.provinceWide());
    }

    /** Reports of one agency ({@code agency} present) or of the whole province (empty). */
    public boolean mayReadReports(Viewer viewer, String tenant, Optional<String> agency) {
        if (!(viewer instanceof Viewer.Staff staff)
                || !staff.tenant().equals(tenant)
                || !staff.has(OfficialRole.LEADERS)) {
            return false;
        }
        return staff.provinceWide() || agency.map(staff.agency()::equals).orElse(false);
    }
}
