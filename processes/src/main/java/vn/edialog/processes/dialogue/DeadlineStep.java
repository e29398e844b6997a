package vn.edialog.processes.dialogue;

/** The rows of the {@code Deadlines} decision: what each period is for. */
public enum DeadlineStep {
    /** The moderator triages a new, returned or reopened dialogue. */
    TRIAGE,
    /** The department holding a forward answers. */
    ANSWER,
    /** The longest extension, counted from the current due date. */
    EXTENSION_MAX,
    /** The asker provides a requested clarification, else the dialogue is closed. */
    CLARIFICATION_WAIT,
    /** The asker may rate the answer before the dialogue closes (calendar days). */
    RATING_WINDOW,
    /** The asker may reopen a closed dialogue (calendar days). */
    REOPEN_WINDOW,
    /** Escalation level 2 follows level 1 when the step is still open. */
    NEXT_ESCALATION,
    /** The moderator decides whether an answer is published, counted from the answer. */
    PUBLICATION
}
