package vn.edialog.command.calendar;

import java.time.LocalDate;

/**
 * The Vietnamese lunar calendar, computed astronomically for the meridian of UTC+7 (Hanoi), as decreed since 1968.
 *
 * <p>The algorithm is the standard one (as published by Hồ Ngọc Đức): new moons by Meeus' formula (Astronomical
 * Algorithms, ch. 49, with its ΔT polynomial), the sun's apparent longitude by the low-precision formula of ch. 25, a
 * lunar month starts on the local day of its new moon, month 11 is the month containing the winter solstice, and in a
 * year with 13 months between two months 11 the leap month is the first one after month 11 that contains no major
 * solar term (trung khí). Computing at UTC+8 gives the Chinese calendar instead, which differs in some years (Tết
 * 1985: 21 January in Vietnam, 20 February in China; Tết 2007: 17 February in Vietnam, 18 February in China).
 *
 * <p>Valid from 1900 to 2199. Instances are immutable and thread-safe.
 */
public final class VietnameseLunarCalendar {

    /** The first and last Gregorian years supported. */
    public static final int MIN_YEAR = 1900;

    public static final int MAX_YEAR = 2199;

    private static final VietnameseLunarCalendar VIETNAM = new VietnameseLunarCalendar(7.0);
    private static final double SYNODIC_MONTH = 29.530588853;
    private static final double NEW_MOON_EPOCH = 2415021.076998695;
    private static final long EPOCH_DAY_JULIAN_DAY = 2440588;

    private final double timeZone;

    private VietnameseLunarCalendar(double timeZone) {
        this.timeZone = timeZone;
    }

    /** The calendar of Vietnam (UTC+7). */
    public static VietnameseLunarCalendar vietnam() {
        return VIETNAM;
    }

    /**
     * The same rules at another meridian, for comparison only: {@code atUtcOffset(8)} is the Chinese calendar.
     *
     * @param hours the offset of the meridian from UTC, e.g. 7 for Vietnam
     */
    public static VietnameseLunarCalendar atUtcOffset(double hours) {
        if (!(hours >= -12 && hours <= 14)) {
            throw new IllegalArgumentException("UTC offset must be -12 to 14 hours: " + hours);
        }
        return new VietnameseLunarCalendar(hours);
    }

    /** The lunar date of a Gregorian date. */
    public LunarDate lunar(LocalDate date) {
        checkYear(date.getYear());
        long dayNumber = julianDay(date);
        long k = (long) Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
        // The mean-lunation estimate of k can be one off near a new moon: settle on the last new moon <= the day.
        while (newMoonDay(k) > dayNumber) {
            k--;
        }
        while (newMoonDay(k + 1) <= dayNumber) {
            k++;
        }
        long monthStart = newMoonDay(k);
        int yy = date.getYear();
        long a11 = lunarMonth11(yy);
        long b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = yy;
            a11 = lunarMonth11(yy - 1);
        } else {
            lunarYear = yy + 1;
            b11 = lunarMonth11(yy + 1);
        }
        int lunarDay = (int) (dayNumber - monthStart + 1);
        int diff = (int) Math.floor((monthStart - a11) / 29.0);
        boolean leap = false;
        int lunarMonth = diff + 11;
        if (b11 - a11 > 365) {
            int leapMonthDiff = leapMonthOffset(a11);
            if (diff >= leapMonthDiff) {
                lunarMonth = diff + 10;
                leap = diff == leapMonthDiff;
            }
        }
        if (lunarMonth > 12) {
            lunarMonth -= 12;
        }
        if (lunarMonth >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new LunarDate(lunarYear, lunarMonth, lunarDay, leap);
    }

    /**
     * The Gregorian date of a lunar date.
     *
     * @throws IllegalArgumentException if the date does not exist: a leap month that the year does not have, or day 30
     *     of a 29-day month
     */
    public LocalDate solar(int lunarYear, int lunarMonth, int lunarDay, boolean leapMonth) {
        LunarDate wanted = new LunarDate(lunarYear, lunarMonth, lunarDay, leapMonth);
        if (lunarYear < MIN_YEAR - 1 || lunarYear > MAX_YEAR) {
            throw new IllegalArgumentException("the lunar calendar is computed for lunar years " + (MIN_YEAR - 1)
                    + " to " + MAX_YEAR + " only, not " + lunarYear);
        }
        long a11;
        long b11;
        if (lunarMonth < 11) {
            a11 = lunarMonth11(lunarYear - 1);
            b11 = lunarMonth11(lunarYear);
        } else {
            a11 = lunarMonth11(lunarYear);
            b11 = lunarMonth11(lunarYear + 1);
        }
        long k = (long) Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
        int offset = lunarMonth - 11;
        if (offset < 0) {
            offset += 12;
        }
        if (b11 - a11 > 365) {
            int leapOffset = leapMonthOffset(a11);
            int leapMonthNumber = leapOffset - 2;
            if (leapMonthNumber <= 0) {
                leapMonthNumber += 12;
            }
            if (leapMonth && lunarMonth != leapMonthNumber) {
                throw new IllegalArgumentException("lunar year " + lunarYear + " has no leap month " + lunarMonth);
            }
            if (leapMonth || offset >= leapOffset) {
                offset += 1;
            }
        } else if (leapMonth) {
            throw new IllegalArgumentException("lunar year " + lunarYear + " has no leap month");
        }
        long monthStart = newMoonDay(k + offset);
        LocalDate date = fromJulianDay(monthStart + lunarDay - 1);
        if (lunarDay == 30 && !lunar(date).equals(wanted)) {
            throw new IllegalArgumentException("lunar month " + lunarMonth + (leapMonth ? " (leap)" : "") + " of "
                    + lunarYear + " has only 29 days");
        }
        return date;
    }

    /** Mùng 1 Tết: the first day of the lunar year that starts in the Gregorian year {@code year}. */
    public LocalDate tet(int year) {
        return solar(year, 1, 1, false);
    }

    /** The number of the leap month of a lunar year, or 0 if it has none. */
    public int leapMonth(int lunarYear) {
        LocalDate start = tet(lunarYear);
        LocalDate end = tet(lunarYear + 1);
        for (int i = 0; i < 13; i++) {
            LocalDate middle = start.plusDays(14 + Math.round(i * SYNODIC_MONTH));
            if (!middle.isBefore(end)) {
                break;
            }
            LunarDate lunar = lunar(middle);
            if (lunar.leapMonth()) {
                return lunar.month();
            }
        }
        return 0;
    }

    private static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException(
                    "the lunar calendar is computed for " + MIN_YEAR + " to " + MAX_YEAR + " only, not " + year);
        }
    }

    private static long julianDay(LocalDate date) {
        return date.toEpochDay() + EPOCH_DAY_JULIAN_DAY;
    }

    private static LocalDate fromJulianDay(long julianDay) {
        return LocalDate.ofEpochDay(julianDay - EPOCH_DAY_JULIAN_DAY);
    }

    /** The local day (Julian day number) of the k-th new moon after 1900-01-01. */
    private long newMoonDay(long k) {
        return (long) Math.floor(newMoon(k) + 0.5 + timeZone / 24);
    }

    /** The sector (0 to 11, 30° each) of the sun's longitude at the start of a local day. */
    private int sunLongitudeSector(long dayNumber) {
        return (int) Math.floor(sunLongitude(dayNumber - 0.5 - timeZone / 24) / Math.PI * 6);
    }

    /** The first day of the lunar month 11 (the month of the winter solstice) that falls in Gregorian year yy. */
    private long lunarMonth11(int yy) {
        long off = julianDay(LocalDate.of(yy, 12, 31)) - 2415021;
        long k = (long) Math.floor(off / SYNODIC_MONTH);
        long newMoon = newMoonDay(k);
        if (sunLongitudeSector(newMoon) >= 9) {
            newMoon = newMoonDay(k - 1);
        }
        return newMoon;
    }

    /** Counted from month 11 starting at a11: the offset of the first month without a major solar term. */
    private int leapMonthOffset(long a11) {
        long k = (long) Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int arc = sunLongitudeSector(newMoonDay(k + i));
        int last;
        do {
            last = arc;
            i++;
            arc = sunLongitudeSector(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }

    /** The Julian date (UT) of the k-th new moon after the one of 1900-01-01 (Meeus). */
    static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double dr = Math.PI / 180;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 = jd1 + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
        c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
        c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
        double deltaT;
        if (t < -11) {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
        }
        return jd1 + c1 - deltaT;
    }

    /** The sun's apparent longitude, in radians 0 to 2π, at a Julian date (UT). */
    static double sunLongitude(double julianDate) {
        double t = (julianDate - 2451545.0) / 36525;
        double t2 = t * t;
        double dr = Math.PI / 180;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
        dl = dl + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
        double l = (l0 + dl) * dr;
        return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
    }
}
