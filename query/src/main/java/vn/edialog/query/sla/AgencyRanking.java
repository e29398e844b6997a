package vn.edialog.query.sla;

/**
 * One agency's place among the agencies of a tenant for a period: ranked by the share of answers given on time
 * ({@code onTimeRate}, null when it answered nothing), then by the median working days to answer; agencies equal on
 * both share a rank.
 */
public record AgencyRanking(
        int rank,
        String agency,
        long received,
        long forwardedIn,
        long answeredOnTime,
        long answeredLate,
        Double onTimeRate,
        Double medianWorkingDays,
        Double averageSatisfaction) {}
