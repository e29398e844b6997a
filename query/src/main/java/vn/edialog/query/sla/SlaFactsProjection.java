package vn.edialog.query.sla;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.command.calendar.WorkingDayCalendar;
import vn.edialog.command.dialogue.api.DeadlineExtended;
import vn.edialog.command.dialogue.api.DialogueAnswered;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.dialogue.api.DialogueClosed;
import vn.edialog.command.dialogue.api.DialogueEscalated;
import vn.edialog.command.dialogue.api.DialogueForwarded;
import vn.edialog.command.dialogue.api.DialogueRejected;
import vn.edialog.command.dialogue.api.DialogueReopened;
import vn.edialog.command.dialogue.api.ForwardAcknowledged;
import vn.edialog.command.dialogue.api.ForwardReturned;
import vn.edialog.command.dialogue.api.SatisfactionRated;

/**
 * Owns {@code sla_dialogue} and {@code sla_step}. Every event is applied only if its sequence number is above the last
 * one applied to its dialogue (the claim and the writes commit together with the processor's token), so redelivery
 * and replay apply nothing twice. Handlers read no clock: every instant comes from an event, and working days from the
 * calendar given at construction, so the same events and calendar give the same facts.
 */
@ProcessingGroup(SlaFactsProjection.PROCESSING_GROUP)
public class SlaFactsProjection {

    public static final String PROCESSING_GROUP = "sla-facts";

    private static final String TRIAGE_STEP = "TRIAGE";
    private static final String STEP_COLUMNS =
            """
            dialogue_id, forward_number, round, tenant, agency, arrival, received_at, original_due_at, due_at,
            extensions, acknowledged_at, answered_at, returned_at, return_reason, ended_at, outcome, escalations,
            max_escalation_level, working_days, on_time, rating""";

    /**
     * The figures of {@link SlaReport} over the steps selected: open as of {@code :asOf} means received by then and
     * not ended by then; overdue, open and past its due date (after every extension granted) then.
     */
    private static final String FIGURES =
            """
            count(*) filter (where forward_number = 0 and arrival in ('ASKED', 'REOPENED')) as received,
            count(*) filter (where forward_number > 0) as forwarded_in,
            count(*) filter (where on_time) as on_time,
            count(*) filter (where not on_time) as late,
            count(*) filter (where received_at <= :asOf and (ended_at is null or ended_at > :asOf)) as open,
            count(*) filter (where received_at <= :asOf and (ended_at is null or ended_at > :asOf)
                and due_at < :asOf) as overdue,
            percentile_cont(0.5) within group (order by working_days)
                filter (where answered_at is not null) as median_days,
            percentile_cont(0.9) within group (order by working_days)
                filter (where answered_at is not null) as p90_days,
            coalesce(sum(escalations), 0) as escalations,
            count(*) filter (where returned_at is not null) as returns,
            coalesce(sum(extensions), 0) as extensions,
            avg(rating) as satisfaction,
            count(rating) as ratings
            """;

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;

    /**
     * @param calendar the working days of the province (weekends and decreed holidays); facts already built keep the
     *     calendar they were built with until the processor is replayed
     */
    public SlaFactsProjection(JdbcClient jdbc, WorkingDayCalendar calendar) {
        this.jdbc = Objects.requireNonNull(jdbc);
        this.calendar = Objects.requireNonNull(calendar);
    }

    @EventHandler
    void on(DialogueAsked e, @SequenceNumber long sequence) {
        int inserted = jdbc.sql(
                        """
                        insert into sla_dialogue (dialogue_id, tenant, moderator_agency, triage_due_at, triage_round,
                            last_sequence)
                        values (:id, :tenant, :moderator, :due, 1, :seq)
                        on conflict (dialogue_id) do nothing
                        """)
                .param("id", e.dialogueId())
                .param("tenant", e.tenant())
                .param("moderator", e.moderatorAgency())
                .param("due", ts(e.triageDueAt()))
                .param("seq", sequence)
                .update();
        if (inserted == 1) {
            insertStep(e.dialogueId(), 0, 1, e.tenant(), e.moderatorAgency(), "ASKED", e.at(), e.triageDueAt());
        }
    }

    @EventHandler
    void on(DialogueForwarded e, @SequenceNumber long sequence) {
        claim(e.dialogueId(), sequence).ifPresent(state -> {
            endStep(e.dialogueId(), 0, state.triageRound(), e.at(), "FORWARDED");
            insertStep(
                    e.dialogueId(),
                    e.forwardNumber(),
                    0,
                    state.tenant(),
                    e.department(),
                    "FORWARDED",
                    e.at(),
                    e.dueAt());
            jdbc.sql("update sla_dialogue set open_forward = :forward where dialogue_id = :id")
                    .param("forward", e.forwardNumber())
                    .param("id", e.dialogueId())
                    .update();
        });
    }

    @EventHandler
    void on(ForwardAcknowledged e, @SequenceNumber long sequence) {
        claim(e.dialogueId(), sequence).ifPresent(state -> jdbc.sql(
                        """
                        update sla_step set acknowledged_at = coalesce(acknowledged_at, :at)
                        where dialogue_id = :id and forward_number = :forward and round = 0
                        """)
                .param("at", ts(e.at()))
                .param("id", e.dialogueId())
                .param("forward", e.forwardNumber())
                .update());
    }

    @EventHandler
    void on(ForwardReturned e, @SequenceNumber long sequence) {
        claim(e.dialogueId(), sequence).ifPresent(state -> {
            jdbc.sql(
                            """
                            update sla_step set returned_at = :at, return_reason = :reason, ended_at = :at,
                                outcome = 'RETURNED'
                            where dialogue_id = :id and forward_number = :forward and round = 0 and ended_at is null
                            """)
                    .param("at", ts(e.at()))
                    .param("reason", e.reason())
                    .param("id", e.dialogueId())
                    .param("forward", e.forwardNumber())
                    .update();
            // Back in triage: a new triage round, still due at the triage deadline in force.
            int round = state.triageRound() + 1;
            jdbc.sql(
                            """
                            update sla_dialogue set triage_round = :round, open_forward = null
                            where dialogue_id = :id
                            """)
                    .param("round", round)
                    .param("id", e.dialogueId())
                    .update();
            insertStep(
                    e.dialogueId(),
                    0,
                    round,
                    state.tenant(),
                    state.moderatorAgency(),
                    "RETURNED",
                    e.at(),
                    state.triageDueAt());
        });
    }

    @EventHandler
    void on(DeadlineExtended e, @SequenceNumber long sequence) {
        claim(e.dialogueId(), sequence).ifPresent(state -> jdbc.sql(
                        """
                        update sla_step set due_at = :due, extensions = extensions + 1
                        where dialogue_id = :id and forward_number = :forward and round = 0
                        """)
                .param("due", ts(e.newDueAt()))
                .param("id", e.dialogueId())
                .param("forward", e.forwardNumber())
                .update());
    }

    @EventHandler
    void on(DialogueAnswered e, @SequenceNumber long sequence) {
        claim(e.dialogueId(), sequence).ifPresent(state -> {
            if (e.viaForward() && state.openForward() == null) {
                return; // no forward known to this read model: nothing to attribute the answer to
            }
            int forward = e.viaForward() ? state.openForward() : 0;
            int round = e.viaForward() ? 0 : state.triageRound();
            Optional<Instant> received = jdbc.sql(
                            """
                            select received_at from sla_step
                            where dialogue_id = :id and forward_number = :forward and round = :round
                            """)
                    .param("id", e.dialogueId())
                    .param("forward", forward)
                    .param("round", round)
                    .query(Timestamp.class)
                    .optional()
                    .map(Timestamp::toInstant);
            if (received.isEmpty()) {
                return;
            }
            jdbc.sql(
                            """
                            update sla_step set answered_at = :at, ended_at = :at, outcome = 'ANSWERED',
                                working_days = :days
                            where dialogue_id = :id and forward_number = :forward and round = :round
                            """)
                    .param("at", ts(e.at()))
                    .param("days", workingDays(calendar, received.get(), e.at()))
                    .param("id", e.dialogueId())
                    .param("forward", forward)
                    .param("round", round)
                    .update();
            jdbc.sql(
                            """
                            update sla_dialogue set open_forward = null, answered_forward = :forward,
                                answered_round = :round
                            where dialogue_id = :id
                            """)
                    .param("forward", forward)
                    .param("round", round)
                    .param("id", e.dialogueId())
                    .update();
        });
    }

    @EventHandler
    void on(DialogueRejected e, @SequenceNumber long sequence) {
        claim(e.dialogueId(), sequence)
                .ifPresent(state -> endStep(e.dialogueId(), 0, state.triageRound(), e.at(), "REJECTED"));
    }

    @EventHandler
    void on(DialogueEscalated e, @SequenceNumber long sequence) {
        claim(e.dialogueId(), sequence).ifPresent(state -> {
            boolean triage = TRIAGE_STEP.equals(e.step());
            if (!triage && state.openForward() == null) {
                return;
            }
            jdbc.sql(
                            """
                            update sla_step set escalations = escalations + 1,
                                max_escalation_level = greatest(max_escalation_level, :level)
                            where dialogue_id = :id and forward_number = :forward and round = :round
                            """)
                    .param("level", e.level())
                    .param("id", e.dialogueId())
                    .param("forward", triage ? 0 : state.openForward())
                    .param("round", triage ? state.triageRound() : 0)
                    .update();
        });
    }

    @EventHandler
    void on(SatisfactionRated e, @SequenceNumber long sequence) {
        claim(e.dialogueId(), sequence).ifPresent(state -> {
            if (state.answeredForward() == null) {
                return;
            }
            // The rating is the answering agency's: it lands on the step that agency answered last.
            jdbc.sql(
                            """
                            update sla_step set rating = :rating
                            where dialogue_id = :id and forward_number = :forward and round = :round
                                and agency = :agency
                            """)
                    .param("rating", e.rating())
                    .param("id", e.dialogueId())
                    .param("forward", state.answeredForward())
                    .param("round", state.answeredRound())
                    .param("agency", e.answeringAgency())
                    .update();
        });
    }

    @EventHandler
    void on(DialogueReopened e, @SequenceNumber long sequence) {
        claim(e.dialogueId(), sequence).ifPresent(state -> {
            int round = state.triageRound() + 1;
            jdbc.sql(
                            """
                            update sla_dialogue set triage_round = :round, triage_due_at = :due, open_forward = null
                            where dialogue_id = :id
                            """)
                    .param("round", round)
                    .param("due", ts(e.triageDueAt()))
                    .param("id", e.dialogueId())
                    .update();
            insertStep(
                    e.dialogueId(),
                    0,
                    round,
                    state.tenant(),
                    state.moderatorAgency(),
                    "REOPENED",
                    e.at(),
                    e.triageDueAt());
        });
    }

    @EventHandler
    void on(DialogueClosed e, @SequenceNumber long sequence) {
        claim(e.dialogueId(), sequence).ifPresent(state -> {
            // Closing for a clarification timeout ends whatever step was still open.
            jdbc.sql(
                            """
                            update sla_step set ended_at = :at, outcome = 'CLOSED'
                            where dialogue_id = :id and ended_at is null
                            """)
                    .param("at", ts(e.at()))
                    .param("id", e.dialogueId())
                    .update();
            jdbc.sql("update sla_dialogue set open_forward = null where dialogue_id = :id")
                    .param("id", e.dialogueId())
                    .update();
        });
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from sla_step").update();
        jdbc.sql("delete from sla_dialogue").update();
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
        Map<String, Object> params = reportParams(query);
        return jdbc.sql("select " + FIGURES + " from sla_step where " + reportFilter(query))
                .params(params)
                .query((rows, n) -> report(query, rows))
                .single();
    }

    /**
     * The SLA figures of each agency of the tenant with steps received in the period (only {@code query.agency()}
     * when one is named), by agency code; each report's query names its agency. Every figure is the one {@link
     * #report} gives for that agency alone.
     */
    public List<SlaReport> reportsPerAgency(SlaReportQuery query) {
        Map<String, Object> params = reportParams(query);
        return jdbc.sql("select agency, " + FIGURES + " from sla_step where " + reportFilter(query)
                        + " group by agency order by agency")
                .params(params)
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
                            select agency,
                                count(*) filter (where forward_number = 0 and arrival in ('ASKED', 'REOPENED'))
                                    as received,
                                count(*) filter (where forward_number > 0) as forwarded_in,
                                count(*) filter (where on_time) as on_time,
                                count(*) filter (where not on_time) as late,
                                percentile_cont(0.5) within group (order by working_days)
                                    filter (where answered_at is not null) as median_days,
                                avg(rating) as satisfaction
                            from sla_step
                            where tenant = :tenant and received_at >= :from and received_at < :to
                            group by agency),
                        rated as (
                            select *, case when on_time + late > 0
                                then cast(on_time as double precision) / (on_time + late) end as on_time_rate
                            from per_agency)
                        select rank() over (order by on_time_rate desc nulls last, median_days asc nulls last)
                                as position, *
                        from rated
                        order by position, agency
                        """)
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
                            where tenant = :tenant and received_at >= :from and received_at < :to"""
                                + agencyFilter
                                + """
                        )
                        select m.month,
                            count(f.month) filter (where f.forward_number = 0 and f.arrival in ('ASKED', 'REOPENED'))
                                as received,
                            count(f.month) filter (where f.forward_number > 0) as forwarded_in,
                            count(f.month) filter (where f.on_time) as on_time,
                            count(f.month) filter (where not f.on_time) as late,
                            percentile_cont(0.5) within group (order by f.working_days)
                                filter (where f.answered_at is not null) as median_days
                        from months m left join facts f on f.month = m.month
                        group by m.month
                        order by m.month
                        """)
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

    /**
     * Working days from the Vietnamese date of {@code received} to that of {@code answered}: the received day itself
     * does not count, the answer day does (an answer on the day of receipt took 0 working days), as in the calendar's
     * due dates.
     */
    static int workingDays(WorkingDayCalendar calendar, Instant received, Instant answered) {
        LocalDate day = received.atZone(WorkingDayCalendar.VIETNAM).toLocalDate();
        LocalDate last = answered.atZone(WorkingDayCalendar.VIETNAM).toLocalDate();
        int days = 0;
        while (day.isBefore(last)) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                days++;
            }
        }
        return days;
    }

    /** Applies the event only if it follows the last one applied to its dialogue; the state before it, if so. */
    private Optional<DialogueState> claim(UUID dialogueId, long sequence) {
        return jdbc.sql(
                        """
                        update sla_dialogue set last_sequence = :seq
                        where dialogue_id = :id and last_sequence < :seq
                        returning tenant, moderator_agency, triage_due_at, triage_round, open_forward,
                            answered_forward, answered_round
                        """)
                .param("seq", sequence)
                .param("id", dialogueId)
                .query((rows, n) -> new DialogueState(
                        rows.getString("tenant"),
                        rows.getString("moderator_agency"),
                        rows.getTimestamp("triage_due_at").toInstant(),
                        rows.getInt("triage_round"),
                        rows.getObject("open_forward", Integer.class),
                        rows.getObject("answered_forward", Integer.class),
                        rows.getObject("answered_round", Integer.class)))
                .optional();
    }

    private void insertStep(
            UUID dialogueId,
            int forwardNumber,
            int round,
            String tenant,
            String agency,
            String arrival,
            Instant receivedAt,
            Instant dueAt) {
        jdbc.sql(
                        """
                        insert into sla_step (dialogue_id, forward_number, round, tenant, agency, arrival, received_at,
                            original_due_at, due_at)
                        values (:id, :forward, :round, :tenant, :agency, :arrival, :received, :due, :due)
                        on conflict (dialogue_id, forward_number, round) do nothing
                        """)
                .param("id", dialogueId)
                .param("forward", forwardNumber)
                .param("round", round)
                .param("tenant", tenant)
                .param("agency", agency)
                .param("arrival", arrival)
                .param("received", ts(receivedAt))
                .param("due", ts(dueAt))
                .update();
    }

    private void endStep(UUID dialogueId, int forwardNumber, int round, Instant at, String outcome) {
        jdbc.sql(
                        """
                        update sla_step set ended_at = :at, outcome = :outcome
                        where dialogue_id = :id and forward_number = :forward and round = :round and ended_at is null
                        """)
                .param("at", ts(at))
                .param("outcome", outcome)
                .param("id", dialogueId)
                .param("forward", forwardNumber)
                .param("round", round)
                .update();
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
        return "tenant = :tenant and received_at >= :from and received_at < :to"
                + (query.agency() == null ? "" : " and agency = :agency");
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

    /** What an event needs to know of its dialogue to find its step. */
    private record DialogueState(
            String tenant,
            String moderatorAgency,
            Instant triageDueAt,
            int triageRound,
            Integer openForward,
            Integer answeredForward,
            Integer answeredRound) {}
}
