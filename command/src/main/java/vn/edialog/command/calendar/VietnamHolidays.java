package vn.edialog.command.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The working-day schedule of Vietnamese public agencies, year by year: the decreed schedule where one is known, the
 * Labor Code's rules otherwise.
 *
 * <p>The decreed schedules are data: the bundled {@code /calendar/vn-schedules.json} (versioned with the code; see
 * {@link ScheduleFile} for the format), optionally overridden by an administrator's file of the same format, whose
 * years replace the bundled ones entirely and may add new ones (e.g. next year's schedule once the Government has
 * published it). For a year in neither, the schedule is computed by {@link HolidayRules}: statutory holidays and
 * compensatory days only, without the swaps and make-up Saturdays the Government decrees, so it may differ from the
 * schedule that will actually be published; such days are marked unconfirmed.
 *
 * <p>The schedules are those of agencies working Monday to Friday (cán bộ, công chức, viên chức), which is what the
 * dialogue deadlines count. Immutable and thread-safe.
 */
public final class VietnamHolidays {

    /** The bundled data's location on the class path. */
    public static final String BUNDLED = "/calendar/vn-schedules.json";

    private static volatile ScheduleFile.Contents bundled;

    private final Map<Integer, YearSchedule> decreed;
    private final String dataVersion;
    private final HolidayRules rules;
    private final Map<Integer, YearSchedule> computed = new ConcurrentHashMap<>();

    private VietnamHolidays(Map<Integer, YearSchedule> decreed, String dataVersion) {
        this.decreed = Map.copyOf(decreed);
        this.dataVersion = dataVersion;
        this.rules = new HolidayRules();
    }

    /** The bundled decreed schedules, with the rules for the other years. */
    public static VietnamHolidays standard() {
        ScheduleFile.Contents contents = bundled();
        return new VietnamHolidays(contents.years(), contents.dataVersion());
    }

    /**
     * The bundled decreed schedules, with the years of {@code overrideFile} replacing or adding to them.
     *
     * @param overrideFile a file in the {@link ScheduleFile} format, or null for {@link #standard()}
     * @throws ScheduleFileException if the file cannot be read or is not of the format
     */
    public static VietnamHolidays withOverride(Path overrideFile) {
        if (overrideFile == null) {
            return standard();
        }
        ScheduleFile.Contents base = bundled();
        ScheduleFile.Contents override = ScheduleFile.read(overrideFile);
        Map<Integer, YearSchedule> years = new TreeMap<>(base.years());
        years.putAll(override.years());
        String version = base.dataVersion() + "+" + overrideFile.getFileName()
                + (override.dataVersion() == null ? "" : "@" + override.dataVersion());
        return new VietnamHolidays(years, version);
    }

    /** The Labor Code's rules alone, for every year (no decreed data). */
    public static VietnamHolidays rulesOnly() {
        return new VietnamHolidays(Map.of(), "rules");
    }

    /** Exactly these decreed years, with the rules for the others. */
    public static VietnamHolidays of(Map<Integer, YearSchedule> decreedYears) {
        return new VietnamHolidays(decreedYears, "custom");
    }

    /**
     * The schedule of a year: the decreed one if known, otherwise computed by the rules.
     *
     * @throws IllegalArgumentException for a year neither decreed nor covered by the rules ({@link
     *     HolidayRules#FIRST_YEAR} to {@link HolidayRules#LAST_YEAR})
     */
    public YearSchedule year(int year) {
        YearSchedule schedule = decreed.get(year);
        if (schedule != null) {
            return schedule;
        }
        if (!HolidayRules.covers(year)) {
            throw new IllegalArgumentException("no working-day schedule for " + year + ": decreed years are "
                    + new TreeMap<>(decreed).keySet() + ", the rules cover " + HolidayRules.FIRST_YEAR + " to "
                    + HolidayRules.LAST_YEAR);
        }
        return computed.computeIfAbsent(year, rules::schedule);
    }

    /** Whether the schedule of the year is known for {@link #year(int)}. */
    public boolean covers(int year) {
        return decreed.containsKey(year) || HolidayRules.covers(year);
    }

    /** Whether the date is worked: a Monday to Friday not in the non-working list, or a make-up weekend day. */
    public boolean isWorkingDay(LocalDate date) {
        YearSchedule schedule = year(date.getYear());
        return YearSchedule.isWeekend(date) ? schedule.isMakeUpWorkingDay(date) : !schedule.isNonWorkingWeekday(date);
    }

    /** The years with a decreed schedule. */
    public Set<Integer> decreedYears() {
        return new TreeMap<>(decreed).keySet();
    }

    /** The data's version: the bundled file's {@code dataVersion}, plus the override file's. */
    public String dataVersion() {
        return dataVersion;
    }

    private static ScheduleFile.Contents bundled() {
        ScheduleFile.Contents contents = bundled;
        if (contents == null) {
            try (InputStream in = VietnamHolidays.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED + " is missing from the class path");
                }
                contents = ScheduleFile.read(in, BUNDLED);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = contents;
        }
        return contents;
    }
}
