package vn.edialog.command.dialogue.lifecycle;

/** Which recorded deadline is a dialogue's due date in a stage. */
public enum Due {
    /** The moderator's triage deadline, recorded by the ask, a return of the forward and a reopening. */
    TRIAGE,
    /** The open forward's deadline, recorded by the forward and moved by an approved extension. */
    FORWARD,
    /** The asker's deadline for the requested clarification. */
    CLARIFICATION,
    /** Nobody owes anything by a date. */
    NONE
}
