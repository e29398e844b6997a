package vn.edialog.query.sla;

/**
 * SLA figures for {@code query}, computed from the SLA facts only. {@code received}: questions that reached the
 * moderator (asked or reopened); {@code forwardedIn}: forwards received by departments; answered on time or late:
 * steps of the period answered by their due date (after extensions) or after it; {@code open} and {@code overdue}:
 * steps of the period received but not ended as of {@code query.asOf()}, and of those the ones past their due date;
 * working days to answer: median and 90th percentile (continuous) over answered steps, null when none;
 * {@code escalations}, {@code returns} and {@code extensions}: totals over the steps; satisfaction: the mean rating
 * (1 to 5) of the answers rated, null when none.
 */
public record SlaReport(
        SlaReportQuery query,
        long received,
        long forwardedIn,
        long answeredOnTime,
        long answeredLate,
        long open,
        long overdue,
        Double medianWorkingDays,
        Double p90WorkingDays,
        long escalations,
        long returns,
        long extensions,
        Double averageSatisfaction,
        long satisfactionCount) {

    /** The agency reported on, null for all agencies of the tenant. */
    public String agency() {
        return query.agency();
    }

    /** Steps answered, on time or late. */
    public long answered() {
        return answeredOnTime + answeredLate;
    }

    /** The share of answers given on time, from 0 to 1; null when nothing was answered. */
    public Double onTimeRate() {
        return rate(answeredOnTime, answeredLate);
    }

    static Double rate(long onTime, long late) {
        return onTime + late == 0 ? null : (double) onTime / (onTime + late);
    }
}
