package vn.edialog.command.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The office hours of a working day, in Vietnam's local time: one or more periods, in order, not overlapping.
 *
 * <p>The default, {@link #STANDARD}, is 08:00–12:00 and 13:00–17:00 (Asia/Ho_Chi_Minh), the usual hours of
 * provincial agencies; a province whose hours differ (e.g. 07:30–11:30 and 13:30–17:00 in summer) configures its own
 * with {@link #parse(String)}. A period includes its start and excludes its end: a submission at 12:00 is received at
 * 13:00.
 *
 * @param periods the working periods of a day
 */
public record OfficeHours(List<Period> periods) {

    /** 08:00–12:00 and 13:00–17:00. */
    public static final OfficeHours STANDARD = parse("08:00-12:00,13:00-17:00");

    /**
     * A working period, start included and end excluded.
     *
     * @param start the start
     * @param end the end, after the start
     */
    public record Period(LocalTime start, LocalTime end) {
        public Period {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("an office period must end after it starts: " + start + "-" + end);
            }
        }

        /** The period's length. */
        public Duration length() {
            return Duration.between(start, end);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    public OfficeHours {
        periods = List.copyOf(periods);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("office hours need at least one period");
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException("office periods must be in order and must not overlap: " + periods);
            }
        }
    }

    /**
     * Parses periods such as {@code 08:00-12:00,13:00-17:00}.
     *
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static OfficeHours parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("office hours are empty");
        }
        List<Period> periods = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] ends = part.strip().split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("office period must be HH:MM-HH:MM, not '" + part.strip() + "'");
            }
            try {
                periods.add(new Period(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip())));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("office period must be HH:MM-HH:MM, not '" + part.strip() + "'");
            }
        }
        return new OfficeHours(periods);
    }

    /** The start of the day's first period. */
    public LocalTime opening() {
        return periods.get(0).start();
    }

    /** The end of the day's last period. */
    public LocalTime closing() {
        return periods.get(periods.size() - 1).end();
    }

    /** The working time of one day. */
    public Duration perDay() {
        return periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public String toString() {
        return String.join(",", periods.stream().map(Period::toString).toList());
    }
}
