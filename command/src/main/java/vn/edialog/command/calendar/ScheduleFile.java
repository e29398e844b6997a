package vn.edialog.command.calendar;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the decreed schedules: the bundled {@code /calendar/vn-schedules.json} and an administrator's file of the same
 * format.
 *
 * <pre>{@code
 * {
 *   "format": "edialog-vn-working-calendar/1",
 *   "dataVersion": "2026-03-01",
 *   "years": [
 *     {
 *       "year": 2026,
 *       "note": "optional remark",
 *       "nonWorkingWeekdays": [
 *         {"date": "2026-01-02", "reason": "Hoán đổi ...", "reasonEn": "Swapped ...",
 *          "source": "Công văn 12729/VPCP-KGVX ngày 25/12/2025", "url": "https://...",
 *          "confirmed": true, "note": "optional"}
 *       ],
 *       "makeUpWorkingDays": [
 *         {"date": "2026-01-10", "reason": "Làm bù cho thứ Sáu 02/01/2026", "source": "..."}
 *       ]
 *     }
 *   ]
 * }
 * }</pre>
 *
 * <p>A year listed is complete: {@code nonWorkingWeekdays} lists every Monday to Friday of the year that is not worked
 * (holidays on weekdays, compensatory days, days swapped away), {@code makeUpWorkingDays} every Saturday or Sunday that
 * is worked. {@code date}, {@code reason} and {@code source} are required; {@code confirmed} defaults to true and is
 * false for a value that could not be checked against the published schedule. Unknown fields are refused, so that a
 * misspelt field is not silently ignored.
 */
public final class ScheduleFile {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "edialog-vn-working-calendar/1";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> TOP_FIELDS = Set.of("$comment", "format", "dataVersion", "description", "years");
    private static final Set<String> YEAR_FIELDS =
            Set.of("$comment", "year", "note", "nonWorkingWeekdays", "makeUpWorkingDays");
    private static final Set<String> DAY_FIELDS =
            Set.of("$comment", "date", "reason", "reasonEn", "source", "url", "confirmed", "note");

    /** A file's contents. */
    public record Contents(String dataVersion, Map<Integer, YearSchedule> years) {
        public Contents {
            years = java.util.Collections.unmodifiableMap(new TreeMap<>(years));
        }
    }

    private ScheduleFile() {}

    /** Reads a file. */
    public static Contents read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ScheduleFileException("no such schedule file: " + file, e);
        } catch (IOException e) {
            throw new ScheduleFileException("cannot read schedule file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a stream; {@code name} names it in messages. */
    public static Contents read(InputStream in, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new ScheduleFileException(name + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ScheduleFileException("cannot read schedule file " + name + ": " + e.getMessage(), e);
        }
        try {
            return contents(root);
        } catch (IllegalArgumentException e) {
            throw new ScheduleFileException(name + ": " + e.getMessage(), e);
        }
    }

    private static Contents contents(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the schedule must be a JSON object");
        }
        checkFields(root, TOP_FIELDS, "the schedule");
        String format = text(root, "format", "the schedule", true);
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format must be \"" + FORMAT + "\", not \"" + format + "\"");
        }
        JsonNode years = root.get("years");
        if (years == null || !years.isArray()) {
            throw new IllegalArgumentException("years must be an array");
        }
        Map<Integer, YearSchedule> schedules = new TreeMap<>();
        for (JsonNode year : years) {
            YearSchedule schedule = year(year);
            if (schedules.put(schedule.year(), schedule) != null) {
                throw new IllegalArgumentException("year " + schedule.year() + " is listed twice");
            }
        }
        return new Contents(text(root, "dataVersion", "the schedule", false), schedules);
    }

    private static YearSchedule year(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("each entry of years must be an object");
        }
        JsonNode yearNode = node.get("year");
        if (yearNode == null || !yearNode.canConvertToInt() || !yearNode.isIntegralNumber()) {
            throw new IllegalArgumentException("each year needs a numeric \"year\"");
        }
        int year = yearNode.intValue();
        String where = "year " + year;
        if (year < VietnameseLunarCalendar.MIN_YEAR || year > VietnameseLunarCalendar.MAX_YEAR) {
            throw new IllegalArgumentException(where + " is outside " + VietnameseLunarCalendar.MIN_YEAR + " to "
                    + VietnameseLunarCalendar.MAX_YEAR);
        }
        checkFields(node, YEAR_FIELDS, where);
        return new YearSchedule(
                year,
                YearSchedule.Origin.DECREED,
                days(node, "nonWorkingWeekdays", where),
                days(node, "makeUpWorkingDays", where),
                text(node, "note", where, false));
    }

    private static List<ScheduledDay> days(JsonNode year, String field, String where) {
        JsonNode array = year.get(field);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException(where + ": " + field + " must be an array");
        }
        List<ScheduledDay> days = new ArrayList<>();
        for (JsonNode day : array) {
            String at = where + ", " + field;
            if (!day.isObject()) {
                throw new IllegalArgumentException(at + ": each day must be an object");
            }
            String dateText = text(day, "date", at, true);
            LocalDate date;
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(at + ": date must be YYYY-MM-DD, not \"" + dateText + "\"");
            }
            at = at + " " + date;
            checkFields(day, DAY_FIELDS, at);
            JsonNode confirmed = day.get("confirmed");
            if (confirmed != null && !confirmed.isBoolean()) {
                throw new IllegalArgumentException(at + ": confirmed must be true or false");
            }
            days.add(new ScheduledDay(
                    date,
                    text(day, "reason", at, true),
                    text(day, "reasonEn", at, false),
                    text(day, "source", at, true),
                    text(day, "url", at, false),
                    confirmed == null || confirmed.booleanValue(),
                    text(day, "note", at, false)));
        }
        return days;
    }

    private static void checkFields(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown field \"" + name + "\"");
            }
        }
    }

    private static String text(JsonNode node, String field, String where, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(where + ": \"" + field + "\" is required");
            }
            return null;
        }
        if (!value.isTextual() || (required && value.textValue().isBlank())) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be a non-empty string");
        }
        return value.textValue();
    }
}
