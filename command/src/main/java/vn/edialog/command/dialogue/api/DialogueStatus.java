package vn.edialog.command.dialogue.api;

/** Where a dialogue stands; readers may derive it from the events the same way the aggregate does. */
public enum DialogueStatus {
    /** Asked, returned or reopened: the moderator has to triage it. */
    AWAITING_TRIAGE,
    /** The moderator or the department holding the forward waits for the asker. */
    AWAITING_CLARIFICATION,
    /** A department holds the open forward and owes the answer. */
    FORWARDED,
    /** Answered; may be published, rated, then closed. */
    ANSWERED,
    /** Done; the asker may reopen it within the window recorded when closing. */
    CLOSED,
    /** Rejected by the moderator; final. */
    REJECTED
}
