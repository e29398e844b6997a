package vn.edialog.command.dialogue.lifecycle;

import vn.edialog.command.dialogue.api.DialogueStatus;

/**
 * Where a dialogue is in its lifecycle. Finer than {@link DialogueStatus} where the status alone would leave what is
 * allowed implicit: a clarification requested in triage and one requested by the department holding a forward are the
 * same status to a reader, but only the second keeps the forward open (acknowledgement, extension, its escalation).
 */
public enum Stage {
    TRIAGE(DialogueStatus.AWAITING_TRIAGE, Due.TRIAGE),
    CLARIFICATION_IN_TRIAGE(DialogueStatus.AWAITING_CLARIFICATION, Due.CLARIFICATION),
    FORWARDED(DialogueStatus.FORWARDED, Due.FORWARD),
    CLARIFICATION_IN_FORWARD(DialogueStatus.AWAITING_CLARIFICATION, Due.CLARIFICATION),
    ANSWERED(DialogueStatus.ANSWERED, Due.NONE),
    CLOSED(DialogueStatus.CLOSED, Due.NONE),
    REJECTED(DialogueStatus.REJECTED, Due.NONE);

    private final DialogueStatus status;
    private final Due due;

    Stage(DialogueStatus status, Due due) {
        this.status = status;
        this.due = due;
    }

    /** The status readers see. */
    public DialogueStatus status() {
        return status;
    }

    /** Which recorded deadline is the dialogue's due date in this stage. */
    public Due due() {
        return due;
    }

    /** A department holds an open forward (it may acknowledge it, ask for an extension, be escalated). */
    public boolean forwardOpen() {
        return this == FORWARDED || this == CLARIFICATION_IN_FORWARD;
    }

    /** Triage is not finished: the moderator owes a decision, or waits for the asker's clarification. */
    public boolean triageOpen() {
        return this == TRIAGE || this == CLARIFICATION_IN_TRIAGE;
    }
}
