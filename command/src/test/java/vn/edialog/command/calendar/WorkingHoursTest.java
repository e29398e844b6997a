package vn.edialog.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Working hours run only during office hours (08:00–12:00, 13:00–17:00 Hanoi) of working days. */
class WorkingHoursTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.vietnam();

    /** An instant given in Hanoi time. */
    private static Instant hanoi(String localDateTime) {
        return LocalDateTime.parse(localDateTime)
                .atZone(WorkingDayCalendar.VIETNAM)
                .toInstant();
    }

    @Test
    void theStandardOfficeHoursAreEightHoursWithALunchBreak() {
        assertThat(OfficeHours.STANDARD.toString()).isEqualTo("08:00-12:00,13:00-17:00");
        assertThat(OfficeHours.STANDARD.perDay()).isEqualTo(Duration.ofHours(8));
        assertThat(calendar.officeHours()).isEqualTo(OfficeHours.STANDARD);
    }

    @Test
    void hoursWithinAMorningStayInTheMorning() {
        assertThat(calendar.addWorkingHours(hanoi("2026-11-23T09:00"), 2)).isEqualTo(hanoi("2026-11-23T11:00"));
    }

    @Test
    void theLunchBreakIsNotCounted() {
        assertThat(calendar.addWorkingHours(hanoi("2026-11-23T11:00"), 2)).isEqualTo(hanoi("2026-11-23T14:00"));
        assertThat(calendar.addWorkingHours(hanoi("2026-11-23T11:30"), Duration.ofMinutes(30)))
                .isEqualTo(hanoi("2026-11-23T12:00"));
    }

    @Test
    void theEveningAndNightAreNotCounted() {
        // Monday 16:00 + 2 h = Tuesday 09:00
        assertThat(calendar.addWorkingHours(hanoi("2026-11-23T16:00"), 2)).isEqualTo(hanoi("2026-11-24T09:00"));
        // 8 working hours from 08:00 is the same day's 17:00
        assertThat(calendar.addWorkingHours(hanoi("2026-11-23T08:00"), 8)).isEqualTo(hanoi("2026-11-23T17:00"));
    }

    @Test
    void aWeekendIsSkipped() {
        // Friday 15:00 + 4 h = Monday 10:00
        assertThat(calendar.addWorkingHours(hanoi("2026-11-20T15:00"), 4)).isEqualTo(hanoi("2026-11-23T10:00"));
    }

    @Test
    void aSubmissionOutsideOfficeHoursStartsAtTheNextWorkingPeriod() {
        // Saturday night: the clock starts on Monday 08:00
        assertThat(calendar.addWorkingHours(hanoi("2026-11-21T22:00"), 3)).isEqualTo(hanoi("2026-11-23T11:00"));
        // During lunch: the clock starts at 13:00
        assertThat(calendar.addWorkingHours(hanoi("2026-11-23T12:30"), 1)).isEqualTo(hanoi("2026-11-23T14:00"));
        // Early morning: the clock starts at 08:00
        assertThat(calendar.addWorkingHours(hanoi("2026-11-23T06:00"), 1)).isEqualTo(hanoi("2026-11-23T09:00"));
    }

    @Test
    void tetIsSkipped() {
        // Friday 13 February 2026, 16:00: Tết Bính Ngọ runs 14–22 February; the next hour is Monday 23rd 08:00–09:00
        assertThat(calendar.addWorkingHours(hanoi("2026-02-13T16:00"), 2)).isEqualTo(hanoi("2026-02-23T09:00"));
    }

    @Test
    void aMakeUpSaturdayIsWorkedAndASwappedMondayIsNot() {
        // Friday 21 August 2026 16:00 + 2 h: Saturday 22 August is a make-up working day
        assertThat(calendar.addWorkingHours(hanoi("2026-08-21T16:00"), 2)).isEqualTo(hanoi("2026-08-22T09:00"));
        // Friday 28 August 16:00 + 2 h: 29 August – 2 September are off (Monday 31 swapped away)
        assertThat(calendar.addWorkingHours(hanoi("2026-08-28T16:00"), 2)).isEqualTo(hanoi("2026-09-03T09:00"));
    }

    @Test
    void theOfficialReceiptTimeIsTheNextWorkingPeriodStartOutsideOfficeHours() {
        assertThat(calendar.officialReceiptTime(hanoi("2026-11-23T10:15"))).isEqualTo(hanoi("2026-11-23T10:15"));
        assertThat(calendar.officialReceiptTime(hanoi("2026-11-23T08:00"))).isEqualTo(hanoi("2026-11-23T08:00"));
        assertThat(calendar.officialReceiptTime(hanoi("2026-11-23T12:00"))).isEqualTo(hanoi("2026-11-23T13:00"));
        assertThat(calendar.officialReceiptTime(hanoi("2026-11-23T17:00"))).isEqualTo(hanoi("2026-11-24T08:00"));
        assertThat(calendar.officialReceiptTime(hanoi("2026-11-20T19:00"))).isEqualTo(hanoi("2026-11-23T08:00"));
        // On the eve of Tết (Friday 13 February 2026) after hours: Monday 23 February
        assertThat(calendar.officialReceiptTime(hanoi("2026-02-13T17:30"))).isEqualTo(hanoi("2026-02-23T08:00"));
        // An instant given in UTC: 2026-11-23T01:00Z is 08:00 in Hanoi
        assertThat(calendar.officialReceiptTime(Instant.parse("2026-11-22T23:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
    }

    @Test
    void zeroHoursIsTheReceiptTime() {
        assertThat(calendar.addWorkingHours(hanoi("2026-11-23T12:10"), 0)).isEqualTo(hanoi("2026-11-23T13:00"));
    }

    @Test
    void otherOfficeHoursCanBeConfigured() {
        WorkingDayCalendar summer = calendar.withOfficeHours(OfficeHours.parse("07:30-11:30, 13:30-17:00"));
        assertThat(summer.officialReceiptTime(hanoi("2026-06-01T12:00"))).isEqualTo(hanoi("2026-06-01T13:30"));
        assertThat(summer.addWorkingHours(hanoi("2026-06-01T11:00"), 1)).isEqualTo(hanoi("2026-06-01T14:00"));
        assertThat(summer.dueAt(hanoi("2026-06-01T09:00"), 1)).isEqualTo(hanoi("2026-06-02T17:00"));
        assertThat(summer.isWorkingDay(java.time.LocalDate.of(2026, 9, 1))).isFalse();
    }

    @Test
    void badOfficeHoursAndNegativeDurationsAreRefused() {
        assertThatThrownBy(() -> OfficeHours.parse("13:00-17:00,08:00-12:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("order");
        assertThatThrownBy(() -> OfficeHours.parse("08:00-07:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfficeHours.parse("8h-12h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.addWorkingHours(hanoi("2026-11-23T09:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
