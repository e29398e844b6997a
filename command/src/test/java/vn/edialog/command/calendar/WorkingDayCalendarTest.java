package vn.edialog.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar weekends = WorkingDayCalendar.weekendsOnly();

    @Test
    void countingSkipsSaturdaysAndSundays() {
        // Friday 2026-11-20 + 1 working day = Monday 2026-11-23
        assertThat(weekends.addWorkingDays(LocalDate.of(2026, 11, 20), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
        // Thursday + 2 = Monday
        assertThat(weekends.addWorkingDays(LocalDate.of(2026, 11, 19), 2)).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void theStartDayItselfIsNotCounted() {
        assertThat(weekends.addWorkingDays(LocalDate.of(2026, 11, 23), 0)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(weekends.addWorkingDays(LocalDate.of(2026, 11, 23), 10)).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void nonWorkingWeekdaysAreSkipped() {
        var calendar =
                new WorkingDayCalendar(Set.of(LocalDate.of(2026, 9, 2), LocalDate.of(2026, 9, 1)), LocalTime.of(17, 0));
        // Monday 2026-08-31 + 1 working day skips Tuesday 1 and Wednesday 2 September
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 8, 31), 1)).isEqualTo(LocalDate.of(2026, 9, 3));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 2))).isFalse();
    }

    @Test
    void dueAtIsTheEndOfOfficeHoursInVietnam() {
        // 2026-11-20T20:00Z is Saturday 03:00 in Hanoi: two working days later is Tuesday 24th, 17:00 (10:00Z)
        assertThat(weekends.dueAt(Instant.parse("2026-11-20T20:00:00Z"), 2))
                .isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void negativeDaysAreRefused() {
        assertThatThrownBy(() -> weekends.addWorkingDays(LocalDate.of(2026, 1, 1), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
