package vn.edialog.query.sla;

import java.time.YearMonth;

/**
 * One month (Vietnam time) of a trend: questions received, forwards received, and of the steps received that month
 * those answered on time and late.
 */
public record MonthlyTrend(YearMonth month, long received, long forwardedIn, long answeredOnTime, long answeredLate) {}
