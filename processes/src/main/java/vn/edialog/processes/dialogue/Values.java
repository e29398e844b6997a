package vn.edialog.processes.dialogue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import vn.edialog.command.calendar.WorkingDayCalendar;

/** Reading and writing process variables; instants are stored as {@link Date} so timers and Tasklist read them. */
final class Values {

    private Values() {}

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

    /** A date picked in a form ({@code yyyy-MM-dd}), or null when left empty. */
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
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidDecision("Ngày không hợp lệ: " + text + " (" + name + " must be yyyy-MM-dd)");
        }
    }
}
