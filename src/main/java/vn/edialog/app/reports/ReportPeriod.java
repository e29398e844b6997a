package vn.edialog.app.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import vn.edialog.command.calendar.WorkingDayCalendar;

/**
 * The period of a report: whole Vietnamese days from {@code first} to {@code last}, both included, as the reader gave
 * them (months {@code 2026-01} or dates {@code 2026-01-15}); the labels keep the reader's form for file names and
 * links. At most five years; by default the last twelve months, the current one included.
 */
public record ReportPeriod(LocalDate first, LocalDate last, String fromLabel, String toLabel) {

    /** The longest period a report covers. */
    public static final int MAX_YEARS = 5;

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public ReportPeriod {
        if (last.isBefore(first)) {
            throw new BadPeriod(
                    BadPeriod.Reason.ENDS_BEFORE_START,
                    "the period ends (" + toLabel + ") before it starts (" + fromLabel + ")");
        }
        if (last.isAfter(first.plusYears(MAX_YEARS).minusDays(1))) {
            throw new BadPeriod(
                    BadPeriod.Reason.TOO_LONG,
                    "the period from " + fromLabel + " to " + toLabel + " is longer than " + MAX_YEARS + " years");
        }
    }

    /** The twelve months up to and including the month of {@code today}. */
    public static ReportPeriod lastTwelveMonths(LocalDate today) {
        YearMonth to = YearMonth.from(today);
        YearMonth from = to.minusMonths(11);
        return new ReportPeriod(from.atDay(1), to.atEndOfMonth(), from.toString(), to.toString());
    }

    /**
     * The period the reader asked for: either end may be a month or a date; a missing end defaults to the current
     * month ({@code to}) or to the twelve months before {@code to} ({@code from}).
     *
     * @throws BadPeriod when an end is neither a month nor a date, or the period is empty or too long
     */
    public static ReportPeriod parse(String from, String to, LocalDate today) {
        boolean noFrom = from == null || from.isBlank();
        boolean noTo = to == null || to.isBlank();
        if (noFrom && noTo) {
            return lastTwelveMonths(today);
        }
        String toText = noTo ? YearMonth.from(today).toString() : to.strip();
        LocalDate last = end(toText);
        String fromText;
        if (noFrom) {
            fromText = MONTH.matcher(toText).matches()
                    ? YearMonth.parse(toText).minusMonths(11).toString()
                    : last.minusYears(1).plusDays(1).toString();
        } else {
            fromText = from.strip();
        }
        return new ReportPeriod(start(fromText), last, fromText, toText);
    }

    /** The first instant of the period, Vietnam time. */
    public Instant from() {
        return first.atStartOfDay(WorkingDayCalendar.VIETNAM).toInstant();
    }

    /** The first instant after the period, Vietnam time. */
    public Instant to() {
        return last.plusDays(1).atStartOfDay(WorkingDayCalendar.VIETNAM).toInstant();
    }

    /** When open and overdue steps are counted: now, or the end of the period when it is over. */
    public Instant asOf(Instant now) {
        return now.isBefore(to()) ? now : to();
    }

    private static LocalDate start(String text) {
        if (MONTH.matcher(text).matches()) {
            return month(text).atDay(1);
        }
        return date(text);
    }

    private static LocalDate end(String text) {
        if (MONTH.matcher(text).matches()) {
            return month(text).atEndOfMonth();
        }
        return date(text);
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw BadPeriod.format(text);
        }
    }

    private static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            throw BadPeriod.format(text);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw BadPeriod.format(text);
        }
    }

    /** A period the reader gave that cannot be reported on; the message says why, in English. */
    public static final class BadPeriod extends IllegalArgumentException {

        /** Why, for a message in the reader's language. */
        public enum Reason {
            FORMAT,
            ENDS_BEFORE_START,
            TOO_LONG
        }

        private final Reason reason;

        BadPeriod(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        static BadPeriod format(String text) {
            String shown = text.length() > 24 ? text.substring(0, 24) + "…" : text;
            return new BadPeriod(Reason.FORMAT, "'" + shown + "' is neither a month (YYYY-MM) nor a date (YYYY-MM-DD)");
        }

        public Reason reason() {
            return reason;
        }
    }
}
