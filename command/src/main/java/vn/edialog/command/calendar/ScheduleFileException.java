package vn.edialog.command.calendar;

/** A schedule file that cannot be used: unreadable, not JSON, or not of the schedule format; the message says why. */
public final class ScheduleFileException extends RuntimeException {

    public ScheduleFileException(String message) {
        super(message);
    }

    public ScheduleFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
