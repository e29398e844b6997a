package vn.edialog.query.sla;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.command.calendar.WorkingDayCalendar;

/**
 * Reads the SLA facts that {@link SlaFactsProjection} writes ({@code sla_step}): the facts of a dialogue and the
 * reports computed only from them. Every figure is written once ({@link Figure}): the per-agency reports, the ranking
 * and the monthly trend select the ones they show from the same expressions, so they agree by construction.
 */
public class SlaFactsQueries {

    private static final String STEP_COLUMNS =
            """
            dialogue_id, forward_number, round, tenant, agency, arrival, received_at, original_due_at, due_at,
            extensions, acknowledged_at, answered_at, returned_at, return_reason, ended_at, outcome, escalations,
            max_escalation_level, working_days, on_time, rating""";

    /** The steps of a report: those of {@code :tenant} received in [{@code :from}, {@code :to}). */
    private static final String RECEIVED_IN_PERIOD = "tenant = :tenant and received_at >= :from and received_at < :to";

    /** The figures of {@link AgencyRanking}. */
    private static final Set<Figure> RANKED = EnumSet.of(
            Figure.RECEIVED, Figure.FORWARDED_IN, Figure.ON_TIME, Figure.LATE, Figure.MEDIAN_DAYS, Figure.SATISFACTION);

    /** The figures of {@link MonthlyTrend}. */
    private static final Set<Figure> TREND =
            EnumSet.of(Figure.RECEIVED, Figure.FORWARDED_IN, Figure.ON_TIME, Figure.LATE, Figure.MEDIAN_DAYS);

    /**
     * The figures computed over the steps selected, each as a column named after it ({@code MEDIAN_DAYS}: {@code
     * median_days}); see {@link SlaReport}. Open as of {@code :asOf} means received by then and not ended by then;
     * overdue, open and past its due date (after every extension granted) then. Every step column a figure reads is
     * unqualified, so a figure may be computed over any relation that has them.
     */
    private enum Figure {
        RECEIVED("count(*) filter (where forward_number = 0 and arrival in ('ASKED', 'REOPENED'))"),
        FORWARDED_IN("count(*) filter (where forward_number > 0)"),
        ON_TIME("count(*) filter (where on_time)"),
        LATE("count(*) filter (where not on_time)"),
        OPEN("count(*) filter (where received_at <= :asOf and (ended_at is null or ended_at > :asOf))"),
        OVERDUE("count(*) filter (where received_at <= :asOf and (ended_at is null or ended_at > :asOf)"
                + " and due_at < :asOf)"),
        MEDIAN_DAYS("percentile_cont(0.5) within group (order by working_days) filter (where answered_at is not null)"),
        P90_DAYS("percentile_cont(0.9) within group (order by working_days) filter (where answered_at is not null)"),
        ESCALATIONS("coalesce(sum(escalations), 0)"),
        RETURNS("count(*) filter (where returned_at is not null)"),
        EXTENSIONS("coalesce(sum(extensions), 0)"),
        SATISFACTION("avg(rating)"),
        RATINGS("count(rating)");

        private final String expression;

        Figure(String expression) {
            this.expression = expression;
        }

        String column() {
            return expression + " as " + name().toLowerCase(Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;

    public SlaFactsQueries(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** The facts of one dialogue of {@code tenant}: triage rounds first, then forwards in order. */
    public List<SlaFact> facts(String tenant, UUID dialogueId) {
        return jdbc.sql("select " + STEP_COLUMNS
                        + " from sla_step where tenant = :tenant and dialogue_id = :id"
                        + " order by forward_number, round")
                .param("tenant", tenant)
                .param("id", dialogueId)
                .query((rows, n) -> fact(rows))
                .list();
    }

    /** The SLA figures of one agency, or of all agencies of the tenant, for a period; see {@link SlaReport}. */
    public SlaReport report(SlaReportQuery query) {
        return jdbc.sql("select " + figures(EnumSet.allOf(Figure.class)) + " from sla_step where "
                        + reportFilter(query))
                .params(reportParams(query))
                .query((rows, n) -> report(query, rows))
                .single();
    }

    /**
     * The SLA figures of each agency of the tenant with steps received in the period (only {@code query.agency()}
     * when one is named), by agency code; each report's query names its agency. Every figure is the one {@link
     * #report} gives for that agency alone.
     */
    public List<SlaReport> reportsPerAgency(SlaReportQuery query) {
        return jdbc.sql("select agency, " + figures(EnumSet.allOf(Figure.class)) + " from sla_step where "
                        + reportFilter(query) + " group by agency order by agency")
                .params(reportParams(query))
                .query((rows, n) -> report(
                        new SlaReportQuery(
                                query.tenant(), rows.getString("agency"), query.from(), query.to(), query.asOf()),
                        rows))
                .list();
    }

    /**
     * Per agency of {@code tenant}, the steps answered in [{@code from}, {@code to}) (by the time of the answer, not
     * of receipt) and of those the ones answered by their due date: the public on-time figure. Agencies that
     * answered nothing in the period are absent.
     */
    public List<OnTimeFigure> onTimeFigures(String tenant, Instant from, Instant to) {
        checkPeriod(tenant, from, to);
        return jdbc.sql(
                        """
                        select agency, count(*) as answered, count(*) filter (where on_time) as on_time
                        from sla_step
                        where tenant = :tenant and answered_at >= :from and answered_at < :to
                        group by agency
                        order by agency
                        """)
                .params(periodParams(tenant, from, to))
                .query((rows, n) ->
                        new OnTimeFigure(rows.getString("agency"), rows.getLong("answered"), rows.getLong("on_time")))
                .list();
    }

    /**
     * The agencies of {@code tenant} with steps received in [{@code from}, {@code to}), best first: by share of answers
     * on time, then by median working days to answer, then by code.
     */
    public List<AgencyRanking> ranking(String tenant, Instant from, Instant to) {
        checkPeriod(tenant, from, to);
        return jdbc.sql(
                        """
                        with per_agency as (
                            select agency, %s
                            from sla_step
                            where %s
                            group by agency),
                        rated as (
                            select *, case when on_time + late > 0
                                then cast(on_time as double precision) / (on_time + late) end as on_time_rate
                            from per_agency)
                        select rank() over (order by on_time_rate desc nulls last, median_days asc nulls last)
                                as position, *
                        from rated
                        order by position, agency
                        """
                                .formatted(figures(RANKED), RECEIVED_IN_PERIOD))
                .params(periodParams(tenant, from, to))
                .query((rows, n) -> new AgencyRanking(
                        rows.getInt("position"),
                        rows.getString("agency"),
                        rows.getLong("received"),
                        rows.getLong("forwarded_in"),
                        rows.getLong("on_time"),
                        rows.getLong("late"),
                        rows.getObject("on_time_rate", Double.class),
                        rows.getObject("median_days", Double.class),
                        decimal(rows.getBigDecimal("satisfaction"))))
                .list();
    }

    /**
     * Per month (Vietnam time) from the month of {@code from} to the month before {@code to}'s end, the steps of one
     * agency, or of all agencies when {@code agency} is null, received that month; months without any are zeros (and
     * no median).
     */
    public List<MonthlyTrend> monthlyTrend(String tenant, String agency, Instant from, Instant to) {
        checkPeriod(tenant, from, to);
        Map<String, Object> params = periodParams(tenant, from, to);
        params.put("zone", WorkingDayCalendar.VIETNAM.getId());
        String agencyFilter = "";
        if (agency != null && !agency.isBlank()) {
            agencyFilter = " and agency = :agency";
            params.put("agency", agency.strip());
        }
        // A month without steps joins one row of nulls, which every figure's filter leaves out: zeros, no median.
        return jdbc.sql(
                        """
                        with months as (
                            select generate_series(
                                date_trunc('month', cast(:from as timestamptz) at time zone :zone),
                                date_trunc('month', (cast(:to as timestamptz) - interval '1 microsecond')
                                    at time zone :zone),
                                interval '1 month') as month),
                        facts as (
                            select date_trunc('month', received_at at time zone :zone) as month, forward_number,
                                arrival, on_time, answered_at, working_days
                            from sla_step
                            where %s%s)
                        select m.month, %s
                        from months m left join facts f on f.month = m.month
                        group by m.month
                        order by m.month
                        """
                                .formatted(RECEIVED_IN_PERIOD, agencyFilter, figures(TREND)))
                .params(params)
                .query((rows, n) -> new MonthlyTrend(
                        YearMonth.from(rows.getObject("month", LocalDateTime.class)),
                        rows.getLong("received"),
                        rows.getLong("forwarded_in"),
                        rows.getLong("on_time"),
                        rows.getLong("late"),
                        rows.getObject("median_days", Double.class)))
                .list();
    }

    /** The select list of {@code figures}, in their declared order. */
    private static String figures(Set<Figure> figures) {
        return figures.stream().map(Figure::column).collect(Collectors.joining(",\n    "));
    }

    private static Map<String, Object> reportParams(SlaReportQuery query) {
        Map<String, Object> params = periodParams(query.tenant(), query.from(), query.to());
        params.put("asOf", ts(query.asOf()));
        if (query.agency() != null) {
            params.put("agency", query.agency());
        }
        return params;
    }

    private static String reportFilter(SlaReportQuery query) {
        return RECEIVED_IN_PERIOD + (query.agency() == null ? "" : " and agency = :agency");
    }

    private static SlaReport report(SlaReportQuery query, ResultSet rows) throws SQLException {
        return new SlaReport(
                query,
                rows.getLong("received"),
                rows.getLong("forwarded_in"),
                rows.getLong("on_time"),
                rows.getLong("late"),
                rows.getLong("open"),
                rows.getLong("overdue"),
                rows.getObject("median_days", Double.class),
                rows.getObject("p90_days", Double.class),
                rows.getLong("escalations"),
                rows.getLong("returns"),
                rows.getLong("extensions"),
                decimal(rows.getBigDecimal("satisfaction")),
                rows.getLong("ratings"));
    }

    private static Map<String, Object> periodParams(String tenant, Instant from, Instant to) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", tenant);
        params.put("from", ts(from));
        params.put("to", ts(to));
        return params;
    }

    private static void checkPeriod(String tenant, Instant from, Instant to) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("tenant is required");
        }
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("the period [from, to) must not be empty");
        }
    }

    private static SlaFact fact(ResultSet rows) throws SQLException {
        return new SlaFact(
                rows.getObject("dialogue_id", UUID.class),
                rows.getInt("forward_number"),
                rows.getInt("round"),
                rows.getString("tenant"),
                rows.getString("agency"),
                rows.getString("arrival"),
                instant(rows.getTimestamp("received_at")),
                instant(rows.getTimestamp("original_due_at")),
                instant(rows.getTimestamp("due_at")),
                rows.getInt("extensions"),
                instant(rows.getTimestamp("acknowledged_at")),
                instant(rows.getTimestamp("answered_at")),
                instant(rows.getTimestamp("returned_at")),
                rows.getString("return_reason"),
                instant(rows.getTimestamp("ended_at")),
                rows.getString("outcome"),
                rows.getInt("escalations"),
                rows.getInt("max_escalation_level"),
                rows.getObject("working_days", Integer.class),
                rows.getObject("on_time", Boolean.class),
                rows.getObject("rating", Integer.class));
    }

    private static Double decimal(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
