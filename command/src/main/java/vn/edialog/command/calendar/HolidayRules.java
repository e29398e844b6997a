package vn.edialog.command.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The statutory public holidays of a year and their compensatory days, as the Labor Code sets them, for years whose
 * actual schedule has not been published (no decreed data).
 *
 * <p>Holidays (Bộ luật Lao động 2019, khoản 1 Điều 112, in force since 2021): 1 January; Tết Âm lịch, 5 days, taken
 * here as the last day of the lunar year and the first 4 days of the new one; Giỗ Tổ Hùng Vương, 10/3 lunar (of the
 * ordinary month 3 when the year has a leap month 3); 30 April; 1 May; 2 September and one adjacent day. For 2014 to
 * 2020 the Labor Code 2012 (khoản 1 Điều 115) applies, the same but with 2 September alone.
 *
 * <p>The adjacent day of 2 September is chosen as the Government has done since 2021: 3 September when 2 September
 * is a Monday, Thursday or Sunday (so the break joins a weekend or is not a weekend day itself), otherwise 1
 * September.
 *
 * <p>Compensation (khoản 3 Điều 111; in 2012: khoản 3 Điều 115): a holiday falling on a Saturday or Sunday gives a
 * compensatory day off on the next working day, in date order.
 *
 * <p>What the rules cannot know: the days the Government actually decrees. Each year it arranges the Tết days around
 * the new year (e.g. 2 days before and 3 after), swaps a working day with a Saturday to bridge a gap, and sometimes
 * adds a one-off day. Such years belong in the schedule data ({@link VietnamHolidays}); these rules are the fallback
 * and every day they give is marked unconfirmed.
 */
public final class HolidayRules {

    /** The first year the rules cover: the first Tết under the Labor Code 2012 (in force from 1 May 2013). */
    public static final int FIRST_YEAR = 2014;

    /** The last year the rules cover (the lunar calendar's range). */
    public static final int LAST_YEAR = VietnameseLunarCalendar.MAX_YEAR - 1;

    private static final String CODE_2019 = "Bộ luật Lao động 2019, khoản 1 Điều 112";
    private static final String CODE_2012 = "Bộ luật Lao động 2012, khoản 1 Điều 115";
    private static final String COMPENSATION_2019 = "Bộ luật Lao động 2019, khoản 3 Điều 111";
    private static final String COMPENSATION_2012 = "Bộ luật Lao động 2012, khoản 3 Điều 115";
    private static final String NOTE =
            "Tính theo quy tắc của Bộ luật Lao động; chưa có lịch nghỉ được công bố cho năm này"
                    + " (computed by the Labor Code's rules; no published schedule for this year)";
    private static final String[] TET_DAY_NAMES = {"mùng 1", "mùng 2", "mùng 3", "mùng 4"};

    private final VietnameseLunarCalendar lunar;

    public HolidayRules() {
        this(VietnameseLunarCalendar.vietnam());
    }

    HolidayRules(VietnameseLunarCalendar lunar) {
        this.lunar = lunar;
    }

    /** Whether the rules cover the year. */
    public static boolean covers(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** The statutory holidays of the year, including those on a weekend, in date order. */
    public List<ScheduledDay> statutoryHolidays(int year) {
        if (!covers(year)) {
            throw new IllegalArgumentException(
                    "no holiday rules for " + year + ": years " + FIRST_YEAR + " to " + LAST_YEAR + " only");
        }
        String code = year >= 2021 ? CODE_2019 : CODE_2012;
        List<ScheduledDay> days = new ArrayList<>();
        days.add(day(LocalDate.of(year, Month.JANUARY, 1), "Tết Dương lịch", "New Year's Day", code));

        LocalDate tet = lunar.tet(year);
        LunarDate lastDay = lunar.lunar(tet.minusDays(1));
        String oldYear = lastDay.yearName();
        String newYear = lunar.lunar(tet).yearName();
        days.add(day(
                tet.minusDays(1),
                "Tết Âm lịch (ngày " + lastDay.day() + " tháng Chạp, cuối năm " + oldYear + ")",
                "Lunar New Year (last day of the lunar year)",
                code));
        for (int i = 0; i < 4; i++) {
            days.add(day(
                    tet.plusDays(i),
                    "Tết Âm lịch (" + TET_DAY_NAMES[i] + " Tết " + newYear + ")",
                    "Lunar New Year (day " + (i + 1) + " of the lunar year)",
                    code));
        }

        days.add(day(
                lunar.solar(year, 3, 10, false),
                "Giỗ Tổ Hùng Vương (10/3 Âm lịch)",
                "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)",
                code));
        days.add(day(LocalDate.of(year, Month.APRIL, 30), "Ngày Chiến thắng (30/4)", "Reunification Day", code));
        days.add(
                day(LocalDate.of(year, Month.MAY, 1), "Ngày Quốc tế lao động (1/5)", "International Labour Day", code));
        LocalDate nationalDay = LocalDate.of(year, Month.SEPTEMBER, 2);
        if (year >= 2021) {
            LocalDate adjacent =
                    switch (nationalDay.getDayOfWeek()) {
                        case MONDAY, THURSDAY, SUNDAY -> nationalDay.plusDays(1);
                        default -> nationalDay.minusDays(1);
                    };
            days.add(day(adjacent, "Quốc khánh (ngày liền kề)", "National Day (adjacent day)", code));
        }
        days.add(day(nationalDay, "Quốc khánh (2/9)", "National Day", code));
        days.sort((a, b) -> a.date().compareTo(b.date()));
        return List.copyOf(days);
    }

    /** The year's schedule by the rules: statutory holidays on weekdays plus compensatory days; no make-up days. */
    public YearSchedule schedule(int year) {
        List<ScheduledDay> holidays = statutoryHolidays(year);
        String compensation = year >= 2021 ? COMPENSATION_2019 : COMPENSATION_2012;
        Set<LocalDate> taken = new HashSet<>();
        holidays.forEach(day -> taken.add(day.date()));
        List<ScheduledDay> nonWorking = new ArrayList<>();
        for (ScheduledDay holiday : holidays) {
            if (!YearSchedule.isWeekend(holiday.date())) {
                nonWorking.add(holiday);
                continue;
            }
            LocalDate compensatory = holiday.date().plusDays(1);
            while (YearSchedule.isWeekend(compensatory) || taken.contains(compensatory)) {
                compensatory = compensatory.plusDays(1);
            }
            taken.add(compensatory);
            String weekday = holiday.date().getDayOfWeek() == DayOfWeek.SATURDAY ? "thứ Bảy" : "Chủ nhật";
            nonWorking.add(new ScheduledDay(
                    compensatory,
                    "Nghỉ bù: " + holiday.reason() + " trùng " + weekday + " " + holiday.date(),
                    "Compensatory day off: " + holiday.reasonEn() + " falls on "
                            + holiday.date().getDayOfWeek() + " " + holiday.date(),
                    compensation,
                    null,
                    false,
                    NOTE));
        }
        return new YearSchedule(year, YearSchedule.Origin.RULES, nonWorking, List.of(), NOTE);
    }

    private static ScheduledDay day(LocalDate date, String reason, String reasonEn, String source) {
        return new ScheduledDay(date, reason, reasonEn, source, null, false, NOTE);
    }
}
