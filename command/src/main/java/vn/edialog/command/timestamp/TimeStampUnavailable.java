package vn.edialog.command.timestamp;

/** No configured time-stamp authority gave a valid token; the message says what each one answered. */
public class TimeStampUnavailable extends RuntimeException {

    public TimeStampUnavailable(String message) {
        super(message);
    }
}
