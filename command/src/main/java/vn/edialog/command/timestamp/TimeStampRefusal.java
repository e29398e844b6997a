package vn.edialog.command.timestamp;

/** A time-stamp token that does not prove what it should: its data, its signature, its authority or its trust. */
public class TimeStampRefusal extends RuntimeException {

    public TimeStampRefusal(String message) {
        super(message);
    }

    public TimeStampRefusal(String message, Throwable cause) {
        super(message, cause);
    }
}
