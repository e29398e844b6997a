package vn.edialog.command.dialogue.api;

/** A field of the command is missing or malformed (code {@code bad-payload}). */
public final class InvalidCommand extends DialogueRefusal {

    private final String field;

    public InvalidCommand(String field, String problem) {
        super("Invalid '" + field + "': " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public String code() {
        return "bad-payload";
    }
}
