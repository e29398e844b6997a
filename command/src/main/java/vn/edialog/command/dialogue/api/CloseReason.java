package vn.edialog.command.dialogue.api;

/** Why a dialogue was closed: by the moderator after an answer, or by the system when a wait timed out. */
public enum CloseReason {
    /** The moderator closes an answered dialogue. */
    ANSWERED,
    /** The system closes an answered dialogue once the rating window has elapsed. */
    RATING_WINDOW_ELAPSED,
    /** The system closes a dialogue whose asker did not provide the requested clarification in time. */
    CLARIFICATION_TIMEOUT
}
