package vn.edialog.app.access;

import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.dialogue.api.TextLimits;
import vn.edialog.command.text.Fit;

/**
 * The logged-in official on whose behalf the server signs a government action with the agency's key.
 *
 * @param userId the official's account (a Camunda user id)
 * @param name display name, recorded in the event
 * @param tenant the province the official works for
 * @param agency the agency code acted for
 */
public record Official(String userId, String name, String tenant, String agency) implements java.io.Serializable {

    /** The actor recorded in events; an account's first and last names may be longer than the documented maximum. */
    public Actor actor() {
        return new Actor(ActorKind.OFFICIAL, userId, Fit.shorten(name, TextLimits.NAME_MAX), agency);
    }
}
