package vn.edialog.command.dialogue.api;

/**
 * The actor is not the party allowed to take this action: code {@code forbidden}, or {@code identity-mismatch} when a
 * business or citizen other than the asker acts on the asker's behalf.
 */
public final class ActorNotAuthorized extends DialogueRefusal {

    private final String action;
    private final boolean identityMismatch;

    private ActorNotAuthorized(String action, String message, boolean identityMismatch) {
        super(message);
        this.action = action;
        this.identityMismatch = identityMismatch;
    }

    /** The actor's role does not allow the action (wrong agency, not the system, ...). */
    public static ActorNotAuthorized forbidden(String action, Actor actor, String allowed) {
        return new ActorNotAuthorized(
                action,
                "Action '" + action + "' is reserved to " + allowed + "; refused for " + describe(actor),
                false);
    }

    /** A business or citizen who is not the asker tried an action reserved to the asker. */
    public static ActorNotAuthorized identityMismatch(String action, Actor actor) {
        return new ActorNotAuthorized(
                action, "Action '" + action + "' is reserved to the asker; refused for " + describe(actor), true);
    }

    private static String describe(Actor actor) {
        return actor.kind() + " " + actor.id() + (actor.agency() == null ? "" : " of " + actor.agency());
    }

    public String action() {
        return action;
    }

    @Override
    public String code() {
        return identityMismatch ? "identity-mismatch" : "forbidden";
    }
}
