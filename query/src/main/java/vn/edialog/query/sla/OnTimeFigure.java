package vn.edialog.query.sla;

/**
 * The public on-time figure of one agency for a period: the steps it answered in the period (by the time of the
 * answer) and of those the ones answered by their due date after extensions. Counts only, nothing about any dialogue.
 */
public record OnTimeFigure(String agency, long answered, long answeredOnTime) {

    /** The share answered on time, from 0 to 1; null when the agency answered nothing. */
    public Double onTimeRate() {
        return answered == 0 ? null : (double) answeredOnTime / answered;
    }
}
