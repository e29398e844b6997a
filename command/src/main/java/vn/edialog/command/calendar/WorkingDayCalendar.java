package vn.edialog.command.calendar;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Counts working days and working hours in Vietnam. A due date is the end of office hours of the N-th working day after
 * the day something happened (that day itself not counted).
 *
 * <p>{@link #vietnam(Path)} is the production calendar: Saturdays and Sundays are not worked except the make-up days
 * the Government decrees, and the Monday-to-Friday public holidays, compensatory days and swapped days of {@link
 * VietnamHolidays} are not worked. Office hours default to {@link OfficeHours#STANDARD} (08:00–12:00 and 13:00–17:00,
 * Asia/Ho_Chi_Minh). {@link #weekendsOnly()} and the set constructor are for tests and tools.
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkingDayCalendar {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalTime DEFAULT_END_OF_DAY = LocalTime.of(17, 0);

    private final Predicate<LocalDate> workingDay;
    private final VietnamHolidays holidays;
    private final OfficeHours officeHours;
    private final LocalTime endOfDay;

    /**
     * Saturdays, Sundays and the given weekdays are not worked; office hours are {@link OfficeHours#STANDARD}.
     *
     * @param endOfDay the time of day a due date falls at
     */
    public WorkingDayCalendar(Set<LocalDate> nonWorkingWeekdays, LocalTime endOfDay) {
        Set<LocalDate> days = Set.copyOf(nonWorkingWeekdays);
        this.workingDay = date -> !isWeekend(date) && !days.contains(date);
        this.holidays = null;
        this.officeHours = OfficeHours.STANDARD;
        this.endOfDay = Objects.requireNonNull(endOfDay, "endOfDay");
    }

    /** The schedule of {@code holidays} with these office hours; a due date falls at the close of office. */
    public WorkingDayCalendar(VietnamHolidays holidays, OfficeHours officeHours) {
        this(holidays::isWorkingDay, Objects.requireNonNull(holidays, "holidays"), officeHours, officeHours.closing());
    }

    private WorkingDayCalendar(
            Predicate<LocalDate> workingDay, VietnamHolidays holidays, OfficeHours officeHours, LocalTime endOfDay) {
        this.workingDay = workingDay;
        this.holidays = holidays;
        this.officeHours = Objects.requireNonNull(officeHours, "officeHours");
        this.endOfDay = endOfDay;
    }

    /** Weekends only, no public holidays: for tests and tools. */
    public static WorkingDayCalendar weekendsOnly() {
        return new WorkingDayCalendar(Set.of(), DEFAULT_END_OF_DAY);
    }

    /** Vietnam's public-agency calendar from the bundled schedules and the rules, with standard office hours. */
    public static WorkingDayCalendar vietnam() {
        return vietnam(null);
    }

    /**
     * Vietnam's public-agency calendar, with an administrator's schedule file replacing or adding years.
     *
     * @param scheduleFile a file in the {@link ScheduleFile} format, or null for the bundled schedules only
     * @throws ScheduleFileException if the file cannot be read or is not of the format
     */
    public static WorkingDayCalendar vietnam(Path scheduleFile) {
        return vietnam(scheduleFile, OfficeHours.STANDARD);
    }

    /** As {@link #vietnam(Path)}, with these office hours. */
    public static WorkingDayCalendar vietnam(Path scheduleFile, OfficeHours officeHours) {
        return new WorkingDayCalendar(VietnamHolidays.withOverride(scheduleFile), officeHours);
    }

    /** The same working days with other office hours (and due dates at their close). */
    public WorkingDayCalendar withOfficeHours(OfficeHours hours) {
        return new WorkingDayCalendar(workingDay, holidays, hours, hours.closing());
    }

    /** The year-by-year schedule behind this calendar, if it is not a fixed set of days. */
    public Optional<VietnamHolidays> holidays() {
        return Optional.ofNullable(holidays);
    }

    public OfficeHours officeHours() {
        return officeHours;
    }

    /**
     * Whether the date is a working day.
     *
     * @throws IllegalArgumentException for a year without a schedule (see {@link VietnamHolidays#year(int)})
     */
    public boolean isWorkingDay(LocalDate date) {
        return workingDay.test(date);
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

    /**
     * The official receipt time of something submitted at {@code at}: {@code at} itself during office hours of a working
     * day, otherwise the start of the next office period (after lunch, the next working morning).
     */
    public Instant officialReceiptTime(Instant at) {
        return inVietnam(receipt(local(at)));
    }

    /**
     * The instant {@code amount} of working time after {@code at}: the clock runs only during office hours of working
     * days, starting at the {@linkplain #officialReceiptTime(Instant) official receipt time}. A deadline that uses up an
     * office period exactly falls at the period's end (e.g. 12:00, not 13:00).
     */
    public Instant addWorkingHours(Instant at, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + amount);
        }
        LocalDateTime time = receipt(local(at));
        Duration left = amount;
        while (true) {
            OfficeHours.Period period = periodContaining(time.toLocalTime());
            Duration available = Duration.between(time.toLocalTime(), period.end());
            if (left.compareTo(available) <= 0) {
                return inVietnam(time.plus(left));
            }
            left = left.minus(available);
            time = nextPeriodStart(time.toLocalDate().atTime(period.end()));
        }
    }

    /** The instant {@code hours} working hours after {@code at}; see {@link #addWorkingHours(Instant, Duration)}. */
    public Instant addWorkingHours(Instant at, int hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("hours must not be negative: " + hours);
        }
        return addWorkingHours(at, Duration.ofHours(hours));
    }

    private LocalDateTime receipt(LocalDateTime time) {
        if (isWorkingDay(time.toLocalDate()) && periodContaining(time.toLocalTime()) != null) {
            return time;
        }
        return nextPeriodStart(time);
    }

    /** The first office period start at or after {@code time}. */
    private LocalDateTime nextPeriodStart(LocalDateTime time) {
        LocalDate date = time.toLocalDate();
        if (isWorkingDay(date)) {
            for (OfficeHours.Period period : officeHours.periods()) {
                if (!period.start().isBefore(time.toLocalTime())) {
                    return date.atTime(period.start());
                }
            }
        }
        do {
            date = date.plusDays(1);
        } while (!isWorkingDay(date));
        return date.atTime(officeHours.opening());
    }

    private OfficeHours.Period periodContaining(LocalTime time) {
        for (OfficeHours.Period period : officeHours.periods()) {
            if (!time.isBefore(period.start()) && time.isBefore(period.end())) {
                return period;
            }
        }
        return null;
    }

    private static LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, VIETNAM);
    }

    private static Instant inVietnam(LocalDateTime time) {
        return time.atZone(VIETNAM).toInstant();
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
