package vn.edialog.processes.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.edialog.command.calendar.WorkingDayCalendar;

class DeadlinesTest {

    private final Deadlines deadlines = new Deadlines(WorkingDayCalendar.weekendsOnly(), ProcessSettings.defaults());

    private static Instant vn(int month, int day, int hour) {
        return LocalDateTime.of(2025, month, day, hour, 0)
                .atZone(WorkingDayCalendar.VIETNAM)
                .toInstant();
    }

    @Test
    void aReminderFallsAtTheEndOfAWorkingDayNeverOnTheWeekend() {
        assertThat(deadlines.reminderAt(vn(6, 5, 10), vn(6, 9, 17))).isEqualTo(vn(6, 6, 17));
        assertThat(deadlines.reminderAt(vn(6, 5, 10), vn(6, 19, 17))).isEqualTo(vn(6, 16, 17));
    }

    @Test
    void aPeriodShorterThanAWorkingDayIsRemindedAfterItsShareOfPlainTime() {
        assertThat(deadlines.reminderAt(vn(6, 5, 9), vn(6, 5, 17))).isEqualTo(vn(6, 5, 15));
    }

    @Test
    void calendarDayRulesCountPlainDaysAndWorkingDayRulesSkipWeekends() {
        DeadlineRule week = new DeadlineRule(DeadlineStep.RATING_WINDOW, null, 7, "test");
        DeadlineRule twoDays = new DeadlineRule(DeadlineStep.TRIAGE, 2, null, "test");

        assertThat(deadlines.dueAt(vn(6, 5, 10), week)).isEqualTo(vn(6, 12, 10));
        assertThat(deadlines.dueAt(vn(6, 6, 10), twoDays)).isEqualTo(vn(6, 10, 17));
        assertThat(deadlines.endOfOfficeHours(LocalDate.of(2025, 6, 26))).isEqualTo(vn(6, 26, 17));
    }
}
