package vn.edialog.command.dialogue.api;

/**
 * Why the dialogue refused a command; nothing was stored. {@link #code()} is stable and kebab-case, for problem
 * details (RFC 9457); the message is an English detail for humans.
 */
public abstract sealed class DialogueRefusal extends RuntimeException
        permits ActionNotAllowed, ActorNotAuthorized, DialogueAlreadyClosed, InvalidCommand, DialogueAlreadyExists {

    protected DialogueRefusal(String message) {
        super(message);
    }

    /** The stable, kebab-case code of this refusal. */
    public abstract String code();
}
