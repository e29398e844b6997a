/**
 * Working days, working hours and due dates in Vietnam (Asia/Ho_Chi_Minh): the Vietnamese lunar calendar ({@link
 * vn.edialog.command.calendar.VietnameseLunarCalendar}), the decreed holiday schedules and the Labor Code's rules
 * ({@link vn.edialog.command.calendar.VietnamHolidays}), office hours ({@link
 * vn.edialog.command.calendar.OfficeHours}) and the calendar that counts them ({@link
 * vn.edialog.command.calendar.WorkingDayCalendar}).
 */
package vn.edialog.command.calendar;
