package vn.edialog.command.dialogue.api;

/** The action is not allowed in the dialogue's current state (code {@code not-allowed-in-state}). */
public final class ActionNotAllowed extends DialogueRefusal {

    private final DialogueStatus state;
    private final String action;

    public ActionNotAllowed(DialogueStatus state, String action, String detail) {
        super("Action '" + action + "' is not allowed in state " + state + (detail == null ? "" : ": " + detail));
        this.state = state;
        this.action = action;
    }

    public ActionNotAllowed(DialogueStatus state, String action) {
        this(state, action, null);
    }

    public DialogueStatus state() {
        return state;
    }

    public String action() {
        return action;
    }

    @Override
    public String code() {
        return "not-allowed-in-state";
    }
}
