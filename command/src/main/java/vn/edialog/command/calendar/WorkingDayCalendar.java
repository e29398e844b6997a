package vn.edialog.command.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * Counts working days in Vietnam: Saturdays, Sundays and the given non-working weekdays do not count. A due date is
 * the end of office hours of the N-th working day after the day something happened (that day itself not counted).
 */
public final class WorkingDayCalendar {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalTime DEFAULT_END_OF_DAY = LocalTime.of(17, 0);

    private final Set<LocalDate> nonWorkingWeekdays;
    private final LocalTime endOfDay;

    public WorkingDayCalendar(Set<LocalDate> nonWorkingWeekdays, LocalTime endOfDay) {
        this.nonWorkingWeekdays = Set.copyOf(nonWorkingWeekdays);
        this.endOfDay = endOfDay;
    }

    /** Weekends only; the decreed public holidays are loaded by the processes' calendar configuration. */
    public static WorkingDayCalendar weekendsOnly() {
        return new WorkingDayCalendar(Set.of(), DEFAULT_END_OF_DAY);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !nonWorkingWeekdays.contains(date);
    }

    /** The date {@code days} working days after {@code from} ({@code from} itself not counted). */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate date = from;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /** The end of office hours, in Vietnam, {@code days} working days after the Vietnamese date of {@code at}. */
    public Instant dueAt(Instant at, int days) {
        LocalDate start = at.atZone(VIETNAM).toLocalDate();
        return addWorkingDays(start, days).atTime(endOfDay).atZone(VIETNAM).toInstant();
    }
}
