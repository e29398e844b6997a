package vn.edialog.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseLunarCalendarTest {

    private final VietnameseLunarCalendar vietnam = VietnameseLunarCalendar.vietnam();
    private final VietnameseLunarCalendar china = VietnameseLunarCalendar.atUtcOffset(8);

    @ParameterizedTest(name = "Tết {0} is {1}")
    @CsvSource({
        "1985, 1985-01-21",
        "2007, 2007-02-17",
        "2020, 2020-01-25",
        "2021, 2021-02-12",
        "2022, 2022-02-01",
        "2023, 2023-01-22",
        "2024, 2024-02-10",
        "2025, 2025-01-29",
        "2026, 2026-02-17",
        "2027, 2027-02-06",
        "2030, 2030-02-02",
        "2031, 2031-01-23"
    })
    void tetFallsOnTheKnownVietnameseDate(int year, LocalDate tet) {
        assertThat(vietnam.tet(year)).isEqualTo(tet);
        assertThat(vietnam.solar(year, 1, 1, false)).isEqualTo(tet);
        assertThat(vietnam.lunar(tet)).isEqualTo(new LunarDate(year, 1, 1, false));
        assertThat(vietnam.lunar(tet.minusDays(1)).month()).isEqualTo(12);
        assertThat(vietnam.lunar(tet.minusDays(1)).year()).isEqualTo(year - 1);
    }

    @Test
    void theUtcPlus7MeridianGivesVietnamsOwnTetIn1985And2007And2030() {
        // 1985: the new moon of 21 January fell before midnight in Hanoi but after it in Beijing; Vietnam's
        // lunar year 1985 then has a leap month 2, China's 1984 a leap month 10.
        assertThat(china.tet(1985)).isEqualTo(LocalDate.of(1985, 2, 20));
        assertThat(vietnam.tet(1985)).isEqualTo(LocalDate.of(1985, 1, 21));
        assertThat(vietnam.leapMonth(1985)).isEqualTo(2);
        assertThat(china.leapMonth(1984)).isEqualTo(10);
        // 2007 and 2030: the new moon fell between 23:00 and 24:00 Hanoi time.
        assertThat(china.tet(2007)).isEqualTo(LocalDate.of(2007, 2, 18));
        assertThat(vietnam.tet(2007)).isEqualTo(LocalDate.of(2007, 2, 17));
        assertThat(china.tet(2030)).isEqualTo(LocalDate.of(2030, 2, 3));
        assertThat(vietnam.tet(2030)).isEqualTo(LocalDate.of(2030, 2, 2));
    }

    @ParameterizedTest(name = "Hùng Kings {0} is {1}")
    @CsvSource({"2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26", "2023, 2023-04-29", "2031, 2031-04-01"})
    void hungKingsDayIsTheTenthOfTheThirdLunarMonth(int year, LocalDate date) {
        assertThat(vietnam.solar(year, 3, 10, false)).isEqualTo(date);
        assertThat(vietnam.lunar(date)).isEqualTo(new LunarDate(year, 3, 10, false));
    }

    @Test
    void leapMonthsFollowTheNoMajorTermRule() {
        assertThat(vietnam.leapMonth(2023)).isEqualTo(2);
        assertThat(vietnam.leapMonth(2024)).isZero();
        assertThat(vietnam.leapMonth(2025)).isEqualTo(6);
        assertThat(vietnam.leapMonth(2028)).isEqualTo(5);
        assertThat(vietnam.leapMonth(2031)).isEqualTo(3);
        // 2025: the ordinary 6th month, then the leap 6th month (Ất Tỵ)
        assertThat(vietnam.solar(2025, 6, 1, false)).isEqualTo(LocalDate.of(2025, 6, 25));
        assertThat(vietnam.solar(2025, 6, 1, true)).isEqualTo(LocalDate.of(2025, 7, 25));
        assertThat(vietnam.lunar(LocalDate.of(2025, 8, 1))).isEqualTo(new LunarDate(2025, 6, 8, true));
        assertThat(vietnam.solar(2025, 7, 1, false)).isEqualTo(LocalDate.of(2025, 8, 23));
    }

    @Test
    void aLeapMonthTheYearDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> vietnam.solar(2024, 6, 1, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no leap month");
        assertThatThrownBy(() -> vietnam.solar(2025, 5, 1, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no leap month 5");
    }

    @Test
    void dayThirtyOfATwentyNineDayMonthIsRefused() {
        // The 12th month of Giáp Thìn (lunar 2024) has 29 days: Tết Ất Tỵ is the day after its 29th.
        assertThat(vietnam.solar(2024, 12, 29, false)).isEqualTo(LocalDate.of(2025, 1, 28));
        assertThatThrownBy(() -> vietnam.solar(2024, 12, 30, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only 29 days");
        // ... while Quý Mão's 12th month had 30: 9 February 2024 was "30 Tết".
        assertThat(vietnam.solar(2023, 12, 30, false)).isEqualTo(LocalDate.of(2024, 2, 9));
    }

    @Test
    void everyDayOfTwoCenturiesConvertsToLunarAndBack() {
        LocalDate previous = null;
        LunarDate previousLunar = null;
        for (LocalDate date = LocalDate.of(1901, 1, 1); date.getYear() < 2100; date = date.plusDays(1)) {
            LunarDate lunar = vietnam.lunar(date);
            assertThat(vietnam.solar(lunar.year(), lunar.month(), lunar.day(), lunar.leapMonth()))
                    .as("%s is %s", date, lunar)
                    .isEqualTo(date);
            if (previous != null && lunar.day() != 1) {
                assertThat(lunar.day()).as("day after %s", previousLunar).isEqualTo(previousLunar.day() + 1);
            }
            if (lunar.day() == 1 && previousLunar != null) {
                assertThat(previousLunar.day()).as("month before %s", date).isBetween(29, 30);
            }
            previous = date;
            previousLunar = lunar;
        }
    }

    @Test
    void yearsAreNamedInTheSexagenaryCycle() {
        assertThat(vietnam.lunar(LocalDate.of(2024, 2, 10)).yearName()).isEqualTo("Giáp Thìn");
        assertThat(vietnam.lunar(LocalDate.of(2025, 1, 29)).yearName()).isEqualTo("Ất Tỵ");
        assertThat(vietnam.lunar(LocalDate.of(2026, 2, 17)).yearName()).isEqualTo("Bính Ngọ");
        assertThat(vietnam.lunar(LocalDate.of(2026, 2, 16)).yearName()).isEqualTo("Ất Tỵ");
    }

    @Test
    void datesOutsideTheComputedRangeAreRefused() {
        assertThatThrownBy(() -> vietnam.lunar(LocalDate.of(1899, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> vietnam.solar(2200, 1, 1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LunarDate(2026, 13, 1, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
