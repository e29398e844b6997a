package vn.edialog.processes.dialogue;

/** A Tasklist form was completed with missing or inconsistent fields; the completion fails with this message. */
public class InvalidDecision extends RuntimeException {

    public InvalidDecision(String message) {
        super(message);
    }
}
