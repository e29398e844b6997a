package vn.edialog.processes.dialogue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import vn.edialog.command.calendar.WorkingDayCalendar;

/** Reading and writing process variables; instants are stored as {@link Date} so timers and Tasklist read them. */
final class Values {

    /** How a person reads a time or a day: Vietnamese order, at Asia/Ho_Chi_Minh. */
    static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(WorkingDayCalendar.VIETNAM);

    static final DateTimeFormatter LOCAL_DAY =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private Values() {}

    /** A time for a form or a mail, e.g. "07/12/2026 17:00", or null. */
    static String localText(Instant instant) {
        return instant == null ? null : LOCAL_TIME.format(instant);
    }

    /** A day for a form, e.g. "24/12/2026", or null. */
    static String localText(LocalDate day) {
        return day == null ? null : DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day);
    }

    /** The engine's clock, which process tests move. */
    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return Instant.parse(value.toString());
    }

    static Instant requiredInstant(VariableScope scope, String name) {
        Instant value = instant(scope, name);
        if (value == null) {
            throw new IllegalStateException("process variable " + name + " is missing");
        }
        return value;
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static String requiredString(VariableScope scope, String name) {
        String value = string(scope, name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("process variable " + name + " is missing");
        }
        return value;
    }

    static UUID dialogueId(VariableScope scope) {
        return UUID.fromString(requiredString(scope, DialogueProcess.DIALOGUE_ID));
    }

    static int integer(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? 0 : ((Number) value).intValue();
    }

    /** A form field the official must fill, trimmed. */
    static String field(VariableScope scope, String name, String labelVi) {
        String value = string(scope, name);
        if (value == null || value.isBlank()) {
            throw new InvalidDecision("Thiếu \"" + labelVi + "\" (" + name + " is required)");
        }
        return value.strip();
    }

    /**
     * A day typed in a form: {@code dd/MM/yyyy} as the forms ask (day first, as Vietnamese write it), or {@code
     * yyyy-MM-dd} from the REST API or an older form; null when left empty.
     */
    static LocalDate formDate(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(WorkingDayCalendar.VIETNAM).toLocalDate();
        }
        String text = value.toString().strip();
        try {
            if (text.contains("/")) {
                return LocalDate.parse(text, LOCAL_DAY);
            }
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidDecision("Ngày không hợp lệ: " + text + " (" + name + " must be dd/MM/yyyy)");
        }
    }
}
