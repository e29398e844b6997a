package vn.edialog.command.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day of a year's schedule: a weekday that is not worked, or a weekend day that is worked (make-up day).
 *
 * @param date the day
 * @param reason why, in Vietnamese (e.g. "Tết Âm lịch (mùng 1 Tết Bính Ngọ)")
 * @param reasonEn why, in English
 * @param source the legal source (e.g. "Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ")
 * @param url where the source (or a report of it) was read, or null
 * @param confirmed whether the day was checked against the published schedule; false for days computed by the rules
 *     and for decreed values that could not be confirmed (then {@code note} says why)
 * @param note a remark, or null
 */
public record ScheduledDay(
        LocalDate date, String reason, String reasonEn, String source, String url, boolean confirmed, String note) {

    public ScheduledDay {
        Objects.requireNonNull(date, "date");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is missing for " + date);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source is missing for " + date);
        }
        reasonEn = reasonEn == null || reasonEn.isBlank() ? reason : reasonEn;
    }
}
