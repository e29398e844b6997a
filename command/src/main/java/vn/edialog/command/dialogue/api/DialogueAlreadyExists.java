package vn.edialog.command.dialogue.api;

import java.util.UUID;

/**
 * A dialogue with this id already exists (code {@code conflict}). The event store detects it when the asking event
 * is appended; the command gateway translates that conflict into this refusal.
 */
public final class DialogueAlreadyExists extends DialogueRefusal {

    private final UUID dialogueId;

    public DialogueAlreadyExists(UUID dialogueId) {
        super("Dialogue " + dialogueId + " already exists");
        this.dialogueId = dialogueId;
    }

    public UUID dialogueId() {
        return dialogueId;
    }

    @Override
    public String code() {
        return "conflict";
    }
}
