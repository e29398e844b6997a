package vn.edialog.command.dialogue.api;

import java.util.UUID;

/** The dialogue is closed (and, for a reopen, its window has elapsed): code {@code not-allowed-in-state}. */
public final class DialogueAlreadyClosed extends DialogueRefusal {

    private final UUID dialogueId;
    private final String action;

    public DialogueAlreadyClosed(UUID dialogueId, String action, String detail) {
        super("Dialogue " + dialogueId + " is closed; action '" + action + "' refused"
                + (detail == null ? "" : ": " + detail));
        this.dialogueId = dialogueId;
        this.action = action;
    }

    public UUID dialogueId() {
        return dialogueId;
    }

    public String action() {
        return action;
    }

    @Override
    public String code() {
        return "not-allowed-in-state";
    }
}
