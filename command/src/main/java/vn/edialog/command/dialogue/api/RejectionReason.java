package vn.edialog.command.dialogue.api;

/** Why the moderator rejected a dialogue outright. */
public enum RejectionReason {
    OUT_OF_SCOPE,
    DUPLICATE,
    ABUSIVE
}
