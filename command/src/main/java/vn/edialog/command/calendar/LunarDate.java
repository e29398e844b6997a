package vn.edialog.command.calendar;

/**
 * A date of the Vietnamese lunar calendar (âm lịch).
 *
 * @param year the lunar year, numbered as the Gregorian year in which it starts (Tết 2026 starts lunar year 2026,
 *     Bính Ngọ)
 * @param month 1 (tháng Giêng) to 12 (tháng Chạp)
 * @param day 1 to 29 or 30
 * @param leapMonth whether the month is the leap (nhuận) repetition of {@code month}
 */
public record LunarDate(int year, int month, int day, boolean leapMonth) {

    private static final String[] STEMS = {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"};
    private static final String[] BRANCHES = {
        "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"
    };

    public LunarDate {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("lunar month must be 1 to 12: " + month);
        }
        if (day < 1 || day > 30) {
            throw new IllegalArgumentException("lunar day must be 1 to 30: " + day);
        }
    }

    /** The year's name in the sexagenary cycle, e.g. "Bính Ngọ" for 2026. */
    public String yearName() {
        return STEMS[Math.floorMod(year + 6, 10)] + " " + BRANCHES[Math.floorMod(year + 8, 12)];
    }

    /** For example {@code 10/3/2026} or {@code 15/6 nhuận/2025}. */
    @Override
    public String toString() {
        return day + "/" + month + (leapMonth ? " nhuận" : "") + "/" + year;
    }
}
