package vn.edialog.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decreed schedules of 2024–2026 exactly as published, the rules for other years, and the override file. */
class VietnamHolidaysTest {

    private final VietnamHolidays holidays = VietnamHolidays.standard();

    @TempDir
    Path dir;

    private static List<LocalDate> dates(String... isoDates) {
        return java.util.Arrays.stream(isoDates).map(LocalDate::parse).toList();
    }

    private List<LocalDate> nonWorking(VietnamHolidays schedule, int year) {
        return schedule.year(year).nonWorkingWeekdays().stream()
                .map(ScheduledDay::date)
                .toList();
    }

    private List<LocalDate> makeUp(VietnamHolidays schedule, int year) {
        return schedule.year(year).makeUpWorkingDays().stream()
                .map(ScheduledDay::date)
                .toList();
    }

    @Test
    void schedule2024IsTheOnePublished() {
        assertThat(nonWorking(holidays, 2024))
                .containsExactlyElementsOf(dates(
                        "2024-01-01", // Tết Dương lịch
                        "2024-02-08",
                        "2024-02-09",
                        "2024-02-12",
                        "2024-02-13",
                        "2024-02-14", // Tết Giáp Thìn 8–14/2
                        "2024-04-18", // Giỗ Tổ Hùng Vương
                        "2024-04-29",
                        "2024-04-30",
                        "2024-05-01", // 27/4–1/5, Monday 29/4 swapped
                        "2024-09-02",
                        "2024-09-03")); // Quốc khánh 31/8–3/9
        assertThat(makeUp(holidays, 2024)).containsExactlyElementsOf(dates("2024-05-04"));
        assertThat(holidays.year(2024).origin()).isEqualTo(YearSchedule.Origin.DECREED);
    }

    @Test
    void schedule2025IsTheOnePublished() {
        assertThat(nonWorking(holidays, 2025))
                .containsExactlyElementsOf(dates(
                        "2025-01-01",
                        "2025-01-27",
                        "2025-01-28",
                        "2025-01-29",
                        "2025-01-30",
                        "2025-01-31", // Tết Ất Tỵ 25/1–2/2
                        "2025-04-07", // Giỗ Tổ Hùng Vương (Monday)
                        "2025-04-30",
                        "2025-05-01",
                        "2025-05-02", // 30/4–4/5, Friday 2/5 swapped with Saturday 26/4
                        "2025-09-01",
                        "2025-09-02")); // Quốc khánh 30/8–2/9
        assertThat(makeUp(holidays, 2025)).containsExactlyElementsOf(dates("2025-04-26"));
        assertThat(holidays.year(2025).nonWorkingWeekdays())
                .allSatisfy(day -> assertThat(day.source()).isNotBlank());
        assertThat(holidays.year(2025)
                        .nonWorking(LocalDate.of(2025, 1, 29))
                        .orElseThrow()
                        .source())
                .contains("6150/TB-BLĐTBXH");
    }

    @Test
    void schedule2026IsTheOnePublished() {
        assertThat(nonWorking(holidays, 2026))
                .containsExactlyElementsOf(dates(
                        "2026-01-01",
                        "2026-01-02", // 1–4/1, Friday 2/1 swapped with Saturday 10/1
                        "2026-02-16",
                        "2026-02-17",
                        "2026-02-18",
                        "2026-02-19",
                        "2026-02-20", // Tết Bính Ngọ 14–22/2
                        "2026-04-27", // Giỗ Tổ on Sunday 26/4: compensatory Monday
                        "2026-04-30",
                        "2026-05-01",
                        "2026-08-31",
                        "2026-09-01",
                        "2026-09-02")); // 29/8–2/9, Monday 31/8 swapped with 22/8
        assertThat(makeUp(holidays, 2026)).containsExactlyElementsOf(dates("2026-01-10", "2026-08-22"));
        assertThat(holidays.year(2026)
                        .nonWorking(LocalDate.of(2026, 2, 17))
                        .orElseThrow()
                        .source())
                .contains("9441/TB-BNV");
    }

    @Test
    void tetBinhNgo2026IsNotCountedButTheMakeUpSaturdaysAre() {
        for (LocalDate date = LocalDate.of(2026, 2, 14);
                !date.isAfter(LocalDate.of(2026, 2, 22));
                date = date.plusDays(1)) {
            assertThat(holidays.isWorkingDay(date)).as("%s", date).isFalse();
        }
        assertThat(holidays.isWorkingDay(LocalDate.of(2026, 2, 13))).isTrue();
        assertThat(holidays.isWorkingDay(LocalDate.of(2026, 2, 23))).isTrue();
        assertThat(holidays.isWorkingDay(LocalDate.of(2026, 1, 10))).isTrue(); // Saturday, made up
        assertThat(holidays.isWorkingDay(LocalDate.of(2026, 8, 22))).isTrue(); // Saturday, made up
        assertThat(holidays.isWorkingDay(LocalDate.of(2026, 1, 11))).isFalse(); // an ordinary Sunday
    }

    @Test
    void everyDecreedTetDayLiesBetweenTheEndOfTheOldLunarYearAndTheSixthOfTheNew() {
        VietnameseLunarCalendar lunar = VietnameseLunarCalendar.vietnam();
        for (int year : holidays.decreedYears()) {
            for (ScheduledDay day : holidays.year(year).nonWorkingWeekdays()) {
                if (day.reason().contains("Tết Âm lịch") || day.reason().contains("Tết trùng")) {
                    LunarDate date = lunar.lunar(day.date());
                    boolean endOfYear = date.month() == 12 && date.day() >= 25;
                    boolean startOfYear = date.month() == 1 && date.day() <= 6;
                    assertThat(endOfYear || startOfYear)
                            .as("%s is %s", day.date(), date)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void theBundledDataNamesASourceForEveryDay() {
        assertThat(holidays.decreedYears()).containsExactly(2024, 2025, 2026);
        assertThat(holidays.dataVersion()).isNotBlank();
        for (int year : holidays.decreedYears()) {
            YearSchedule schedule = holidays.year(year);
            assertThat(schedule.nonWorkingWeekdays())
                    .allSatisfy(day -> assertThat(day.source()).isNotBlank())
                    .allSatisfy(
                            day -> assertThat(day.date().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
            assertThat(schedule.makeUpWorkingDays())
                    .allSatisfy(day -> assertThat(day.date().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY));
        }
    }

    @Test
    void a2031WithoutDecreedDataFallsBackToTheStatutoryDaysAndCompensation() {
        YearSchedule schedule = holidays.year(2031);
        assertThat(schedule.origin()).isEqualTo(YearSchedule.Origin.RULES);
        assertThat(nonWorking(holidays, 2031))
                .containsExactlyElementsOf(dates(
                        "2031-01-01", // Wednesday
                        "2031-01-22",
                        "2031-01-23",
                        "2031-01-24", // 30 Tết (Wed), mùng 1 (Thu), mùng 2 (Fri)
                        "2031-01-27",
                        "2031-01-28", // mùng 3 and 4 fall on Saturday and Sunday: compensated
                        "2031-04-01", // 10/3 of the ordinary 3rd month (2031 has a leap 3rd month)
                        "2031-04-30",
                        "2031-05-01",
                        "2031-09-01",
                        "2031-09-02")); // 2 September is a Tuesday: Monday 1 September joins it
        assertThat(makeUp(holidays, 2031)).isEmpty();
        assertThat(schedule.nonWorkingWeekdays())
                .allSatisfy(day -> assertThat(day.confirmed()).isFalse());
    }

    @Test
    void theRulesCompensateHolidaysOnWeekendsAndPickTheNationalDaysNeighbour() {
        // 2027: Tết on Saturday 6/2, 1 May on Saturday, 2 September on Thursday.
        assertThat(nonWorking(holidays, 2027))
                .containsExactlyElementsOf(dates(
                        "2027-01-01",
                        "2027-02-05",
                        "2027-02-08",
                        "2027-02-09",
                        "2027-02-10",
                        "2027-02-11",
                        "2027-04-16",
                        "2027-04-30",
                        "2027-05-03",
                        "2027-09-02",
                        "2027-09-03"));
        // 2028: 2 September on Saturday: Friday 1 September, then Monday 4 September in compensation.
        assertThat(nonWorking(holidays, 2028)).contains(LocalDate.of(2028, 9, 1), LocalDate.of(2028, 9, 4));
        // 2029: 2 September on Sunday: Monday 3 September, then Tuesday 4 September in compensation.
        assertThat(nonWorking(holidays, 2029)).contains(LocalDate.of(2029, 9, 3), LocalDate.of(2029, 9, 4));
        // 2018, Labor Code 2012: 2 September alone, on a Sunday, compensated on Monday.
        assertThat(nonWorking(holidays, 2018))
                .contains(LocalDate.of(2018, 9, 3))
                .doesNotContain(LocalDate.of(2018, 8, 31));
        assertThat(holidays.year(2018)
                        .nonWorking(LocalDate.of(2018, 9, 3))
                        .orElseThrow()
                        .source())
                .contains("2012");
    }

    @Test
    void theRulesAloneWouldMiss2026sSwapsWhichIsWhyTheDecreedDataWins() {
        VietnamHolidays rules = VietnamHolidays.rulesOnly();
        assertThat(nonWorking(rules, 2026)).doesNotContain(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 8, 31));
        assertThat(rules.isWorkingDay(LocalDate.of(2026, 8, 22))).isFalse();
        assertThat(nonWorking(rules, 2026)).contains(LocalDate.of(2026, 4, 27), LocalDate.of(2026, 9, 1));
    }

    @Test
    void yearsWithoutRulesOrDataAreRefused() {
        assertThatThrownBy(() -> holidays.year(2010))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2010");
        assertThat(holidays.covers(2010)).isFalse();
        assertThat(holidays.covers(2031)).isTrue();
    }

    @Test
    void anOverrideFileReplacesAYearAndAddsAnother() throws Exception {
        Path file = Files.writeString(
                dir.resolve("schedule.json"),
                """
                {
                  "format": "edialog-vn-working-calendar/1",
                  "dataVersion": "local-1",
                  "years": [
                    {"year": 2026,
                     "nonWorkingWeekdays": [
                       {"date": "2026-01-01", "reason": "Tết Dương lịch", "source": "BLLĐ 2019"},
                       {"date": "2026-04-28", "reason": "Hoán đổi", "source": "Thông báo giả định",
                        "confirmed": false, "note": "thử nghiệm"}
                     ],
                     "makeUpWorkingDays": [
                       {"date": "2026-05-09", "reason": "Làm bù", "source": "Thông báo giả định"}
                     ]},
                    {"year": 2027,
                     "nonWorkingWeekdays": [{"date": "2027-02-12", "reason": "Tết", "source": "giả định"}]}
                  ]
                }
                """,
                StandardCharsets.UTF_8);
        VietnamHolidays overridden = VietnamHolidays.withOverride(file);

        assertThat(nonWorking(overridden, 2026)).containsExactlyElementsOf(dates("2026-01-01", "2026-04-28"));
        assertThat(makeUp(overridden, 2026)).containsExactlyElementsOf(dates("2026-05-09"));
        assertThat(overridden
                        .year(2026)
                        .nonWorking(LocalDate.of(2026, 4, 28))
                        .orElseThrow()
                        .confirmed())
                .isFalse();
        assertThat(overridden.isWorkingDay(LocalDate.of(2026, 2, 17))).isTrue(); // the whole year was replaced
        assertThat(nonWorking(overridden, 2027)).containsExactlyElementsOf(dates("2027-02-12"));
        assertThat(overridden.year(2027).origin()).isEqualTo(YearSchedule.Origin.DECREED);
        assertThat(nonWorking(overridden, 2025)).hasSize(12); // bundled years not in the file stay
        assertThat(overridden.dataVersion()).contains("schedule.json").contains("local-1");
        assertThat(VietnamHolidays.withOverride(null).year(2026)).isEqualTo(holidays.year(2026));
    }
}
