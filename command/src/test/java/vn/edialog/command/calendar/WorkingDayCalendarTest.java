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
    void addingWorkingDaysSkipsTetBinhNgo() {
        WorkingDayCalendar vietnam = WorkingDayCalendar.vietnam();
        // Thursday 12 February 2026 + 1 = Friday 13; + 2 = Monday 23 (14–22 February off)
        assertThat(vietnam.addWorkingDays(LocalDate.of(2026, 2, 12), 1)).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThat(vietnam.addWorkingDays(LocalDate.of(2026, 2, 12), 2)).isEqualTo(LocalDate.of(2026, 2, 23));
        // Submitted on mùng 1 Tết: two working days later is Tuesday 24 February
        assertThat(vietnam.addWorkingDays(LocalDate.of(2026, 2, 17), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void addingWorkingDaysAcrossASwappedWeekendCountsTheMakeUpSaturday() {
        WorkingDayCalendar vietnam = WorkingDayCalendar.vietnam();
        // Thursday 24 April 2025 + 2: Friday 25, then Saturday 26 (made up for Friday 2 May)
        assertThat(vietnam.addWorkingDays(LocalDate.of(2025, 4, 24), 2)).isEqualTo(LocalDate.of(2025, 4, 26));
        // Tuesday 29 April 2025 + 1: 30/4, 1/5 and the swapped 2/5 are off, then the weekend: Monday 5 May
        assertThat(vietnam.addWorkingDays(LocalDate.of(2025, 4, 29), 1)).isEqualTo(LocalDate.of(2025, 5, 5));
        // Friday 26 April 2024 + 1: Monday 29 April 2024 was swapped away: Thursday 2 May
        assertThat(vietnam.addWorkingDays(LocalDate.of(2024, 4, 26), 1)).isEqualTo(LocalDate.of(2024, 5, 2));
        // Friday 3 May 2024 + 1: Saturday 4 May 2024 was worked
        assertThat(vietnam.addWorkingDays(LocalDate.of(2024, 5, 3), 1)).isEqualTo(LocalDate.of(2024, 5, 4));
    }

    @Test
    void dueAtSkipsTheNewYearSwapOf2026() {
        WorkingDayCalendar vietnam = WorkingDayCalendar.vietnam();
        // Wednesday 31 December 2025, 10:00 Hanoi + 2 working days: 1 and 2 January off, then the weekend:
        // Monday 5 (1), Tuesday 6 (2), 17:00 Hanoi = 10:00Z
        assertThat(vietnam.dueAt(Instant.parse("2025-12-31T03:00:00Z"), 2))
                .isEqualTo(Instant.parse("2026-01-06T10:00:00Z"));
        // Friday 9 January 2026 + 1: Saturday 10 January is a make-up working day
        assertThat(vietnam.addWorkingDays(LocalDate.of(2026, 1, 9), 1)).isEqualTo(LocalDate.of(2026, 1, 10));
    }

    @Test
    void theVietnamCalendarTakesAnOverrideFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(
                dir.resolve("override.json"),
                """
                {"format": "edialog-vn-working-calendar/1", "years": [{"year": 2027, "nonWorkingWeekdays": [
                  {"date": "2027-02-04", "reason": "Tết Đinh Mùi", "source": "Thông báo giả định"}]}]}
                """);
        WorkingDayCalendar vietnam = WorkingDayCalendar.vietnam(file);
        assertThat(vietnam.isWorkingDay(LocalDate.of(2027, 2, 4))).isFalse();
        assertThat(vietnam.isWorkingDay(LocalDate.of(2027, 2, 8))).isTrue(); // the rules' Tết day is replaced
        assertThat(WorkingDayCalendar.vietnam().isWorkingDay(LocalDate.of(2027, 2, 8)))
                .isFalse();
        assertThat(vietnam.holidays()).isPresent();
        assertThat(weekends.holidays()).isEmpty();
    }

    @Test
    void negativeDaysAreRefused() {
        assertThatThrownBy(() -> weekends.addWorkingDays(LocalDate.of(2026, 1, 1), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
