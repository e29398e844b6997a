package vn.edialog.app.operations.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.edialog.command.calendar.HolidayRules;
import vn.edialog.command.calendar.OfficeHours;
import vn.edialog.command.calendar.ScheduleFileException;
import vn.edialog.command.calendar.ScheduledDay;
import vn.edialog.command.calendar.VietnamHolidays;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.calendar.YearSchedule;

/** {@code calendar holidays} and {@code calendar add}: Vietnamese working days as the server counts them. */
@Command(
        name = "calendar",
        mixinStandardHelpOptions = true,
        description = "Vietnamese working days of public agencies: the decreed holiday schedules (bundled data, or"
                + " an administrator's --schedule file of the same format), the Labor Code's rules for other years.",
        subcommands = {CalendarCommand.Holidays.class, CalendarCommand.Add.class})
final class CalendarCommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int MAX_WORKING_DAYS = 10_000;

    /** The {@code --schedule FILE} option of both commands. */
    static final class ScheduleOption {
        @Option(
                names = "--schedule",
                paramLabel = "FILE",
                description = "A schedule file (format edialog-vn-working-calendar/1) whose years replace or add"
                        + " to the bundled ones")
        Path file;

        VietnamHolidays holidays() {
            try {
                return VietnamHolidays.withOverride(file);
            } catch (ScheduleFileException e) {
                throw new Inputs.UnusableInput(e.getMessage());
            }
        }
    }

    @Command(
            name = "holidays",
            mixinStandardHelpOptions = true,
            description = "Print the weekdays (Monday to Friday) of a year that are not worked: public holidays,"
                    + " compensatory days and days swapped away; one ISO date per line, or with --json an array of"
                    + " {date, reason, source}. Weekend days worked in exchange are counted as working days by"
                    + " 'calendar add'.")
    static final class Holidays implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--year", required = true, paramLabel = "YYYY", description = "The year")
        String year;

        @Option(names = "--json", description = "Print a JSON array of {date, reason, source}")
        boolean json;

        @Mixin
        ScheduleOption schedule;

        @Override
        public Integer call() {
            int wanted = year(year);
            VietnamHolidays holidays = schedule.holidays();
            if (!holidays.covers(wanted)) {
                throw new Inputs.UnusableInput("no working-day schedule for " + wanted + ": the bundled data covers "
                        + holidays.decreedYears() + " and the Labor Code's rules " + HolidayRules.FIRST_YEAR + " to "
                        + HolidayRules.LAST_YEAR);
            }
            YearSchedule days = holidays.year(wanted);
            PrintWriter out = spec.commandLine().getOut();
            if (days.origin() == YearSchedule.Origin.RULES) {
                spec.commandLine()
                        .getErr()
                        .println("note: no decreed schedule for " + wanted
                                + "; computed by the Labor Code's rules (statutory holidays and compensatory days,"
                                + " no swaps)");
            }
            if (json) {
                ArrayNode array = JSON.createArrayNode();
                for (ScheduledDay day : days.nonWorkingWeekdays()) {
                    array.addObject()
                            .put("date", day.date().toString())
                            .put("reason", day.reason())
                            .put("source", day.source());
                }
                try {
                    out.println(JSON.writeValueAsString(array));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                days.nonWorkingWeekdays().forEach(day -> out.println(day.date()));
            }
            return Cli.VALID;
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Print the date N working days after DATE (DATE itself not counted), skipping weekends,"
                    + " public holidays, compensatory and swapped days, and counting make-up Saturdays.")
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "DATE", description = "The start date, YYYY-MM-DD")
        String from;

        @Option(
                names = "--working-days",
                required = true,
                paramLabel = "N",
                description = "The number of working days, 0 to " + MAX_WORKING_DAYS)
        String workingDays;

        @Mixin
        ScheduleOption schedule;

        @Override
        public Integer call() {
            LocalDate start = date(from);
            int days = workingDays(workingDays);
            WorkingDayCalendar calendar = new WorkingDayCalendar(schedule.holidays(), OfficeHours.STANDARD);
            LocalDate result;
            try {
                result = calendar.addWorkingDays(start, days);
            } catch (IllegalArgumentException e) {
                throw new Inputs.UnusableInput(e.getMessage());
            }
            spec.commandLine().getOut().println(result);
            return Cli.VALID;
        }
    }

    static int year(String text) {
        if (text != null && text.matches("\\d{4}")) {
            return Integer.parseInt(text);
        }
        throw new Inputs.UnusableInput("--year must be a four-digit year such as 2026, not '" + text + "'");
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Inputs.UnusableInput("--from must be a date such as 2026-02-12 (YYYY-MM-DD), not '" + text + "'");
        }
    }

    static int workingDays(String text) {
        if (text != null && text.matches("\\d{1,5}")) {
            int days = Integer.parseInt(text);
            if (days <= MAX_WORKING_DAYS) {
                return days;
            }
        }
        throw new Inputs.UnusableInput(
                "--working-days must be a whole number from 0 to " + MAX_WORKING_DAYS + ", not '" + text + "'");
    }
}
