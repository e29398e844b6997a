package vn.edialog.query.sla;

import java.time.YearMonth;

/**
 * One month (Vietnam time) of a trend: questions received, forwards received, and of the steps received that month
 * those answered on time and late, with the median working days they took to answer (null when none was answered).
 */
public record MonthlyTrend(
        YearMonth month,
        long received,
        long forwardedIn,
        long answeredOnTime,
        long answeredLate,
        Double medianWorkingDays) {

    /** The share of the month's answers given on time, from 0 to 1; null when none was answered. */
    public Double onTimeRate() {
        return SlaReport.rate(answeredOnTime, answeredLate);
    }
}
