package vn.edialog.command.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One year's deviations from the Monday-to-Friday week: the weekdays that are not worked (public holidays,
 * compensatory days, days swapped away) and the weekend days that are worked (make-up days of a swap).
 *
 * @param year the Gregorian year
 * @param origin whether the schedule is the decreed one (data) or computed by the Labor Code's rules
 * @param nonWorkingWeekdays the complete list of non-working Mondays to Fridays of the year, sorted
 * @param makeUpWorkingDays the Saturdays and Sundays worked in the year, sorted
 * @param note a remark on the year, or null
 */
public record YearSchedule(
        int year,
        Origin origin,
        List<ScheduledDay> nonWorkingWeekdays,
        List<ScheduledDay> makeUpWorkingDays,
        String note) {

    /** Where a year's schedule comes from. */
    public enum Origin {
        /** The schedule published by the Government for the year (the bundled data or an administrator's file). */
        DECREED,
        /** No published schedule is known: statutory holidays and compensatory days only, no swaps. */
        RULES
    }

    public YearSchedule {
        nonWorkingWeekdays = sorted(nonWorkingWeekdays);
        makeUpWorkingDays = sorted(makeUpWorkingDays);
        Set<LocalDate> seen = new HashSet<>();
        for (ScheduledDay day : nonWorkingWeekdays) {
            check(year, day, seen);
            if (isWeekend(day.date())) {
                throw new IllegalArgumentException("non-working weekday " + day.date() + " is a "
                        + day.date().getDayOfWeek()
                        + ": list only Monday to Friday (weekends are never worked unless made up)");
            }
        }
        for (ScheduledDay day : makeUpWorkingDays) {
            check(year, day, seen);
            if (!isWeekend(day.date())) {
                throw new IllegalArgumentException("make-up working day " + day.date() + " is a "
                        + day.date().getDayOfWeek() + ": only a Saturday or Sunday can be made a working day");
            }
        }
    }

    /** Whether the date is a Monday to Friday that is not worked. */
    public boolean isNonWorkingWeekday(LocalDate date) {
        return nonWorking(date).isPresent();
    }

    /** Whether the date is a Saturday or Sunday that is worked. */
    public boolean isMakeUpWorkingDay(LocalDate date) {
        return makeUpWorkingDays.stream().anyMatch(day -> day.date().equals(date));
    }

    /** The non-working weekday at that date, if it is one. */
    public Optional<ScheduledDay> nonWorking(LocalDate date) {
        return nonWorkingWeekdays.stream()
                .filter(day -> day.date().equals(date))
                .findFirst();
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private static List<ScheduledDay> sorted(List<ScheduledDay> days) {
        return Stream.ofNullable(days)
                .flatMap(List::stream)
                .sorted(Comparator.comparing(ScheduledDay::date))
                .toList();
    }

    private static void check(int year, ScheduledDay day, Set<LocalDate> seen) {
        if (day.date().getYear() != year) {
            throw new IllegalArgumentException(day.date() + " is not in " + year);
        }
        if (!seen.add(day.date())) {
            throw new IllegalArgumentException(day.date() + " is listed twice in " + year);
        }
    }
}
