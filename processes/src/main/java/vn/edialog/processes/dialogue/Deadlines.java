package vn.edialog.processes.dialogue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import vn.edialog.command.calendar.WorkingDayCalendar;

/**
 * Due dates from policy: the {@code Deadlines} decision says how many working (or calendar) days a step gets, the
 * working-day calendar turns them into instants. Only {@link WorkingDayCalendar#dueAt(Instant, int)} is used, so the
 * holidays the calendar learns apply here unchanged.
 */
public final class Deadlines {

    private static final int LONGEST_PERIOD_IN_WORKING_DAYS = 400;

    private static final int RULES_KEPT = 10_000;

    private final WorkingDayCalendar calendar;
    private final ProcessSettings settings;
    private final Map<RuleKey, DeadlineRule> rules = new ConcurrentHashMap<>();

    public Deadlines(WorkingDayCalendar calendar, ProcessSettings settings) {
        this.calendar = calendar;
        this.settings = settings;
    }

    /**
     * The first row of the {@code Deadlines} decision for this step; a missing row is a modelling error. Rows are kept
     * per deployed version of the decision: the same inputs give the same row until a new version is deployed, which
     * then applies at once (each call asks which version is the latest, one indexed query). Evaluating the table costs
     * far more (FEEL builds its functions anew for every expression): it was a quarter of the process bridge's work.
     */
    public DeadlineRule rule(ProcessEngineServices engine, String tenant, String topic, DeadlineStep step) {
        DecisionDefinition latest = engine.getRepositoryService()
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(DialogueProcess.DEADLINES_DECISION)
                .latestVersion()
                .singleResult();
        if (latest == null) {
            throw new IllegalStateException("deadlines.dmn is not deployed");
        }
        RuleKey key = new RuleKey(latest.getId(), tenant, topic, step);
        DeadlineRule known = rules.get(key);
        if (known != null) {
            return known;
        }
        DeadlineRule evaluated = evaluate(engine, latest.getId(), tenant, topic, step);
        if (rules.size() >= RULES_KEPT) {
            rules.clear(); // a new version or many provinces and topics: start afresh rather than grow
        }
        rules.put(key, evaluated);
        return evaluated;
    }

    private static DeadlineRule evaluate(
            ProcessEngineServices engine, String definitionId, String tenant, String topic, DeadlineStep step) {
        DmnDecisionResult result = engine.getDecisionService()
                .evaluateDecisionById(definitionId)
                .variables(Variables.createVariables()
                        .putValue("tenant", tenant)
                        .putValue("topic", topic)
                        .putValue("step", step.name()))
                .evaluate();
        DmnDecisionResultEntries row = result.getFirstResult();
        if (row == null) {
            throw new IllegalStateException(
                    "deadlines.dmn has no row for step " + step + ", tenant " + tenant + ", topic " + topic);
        }
        // An empty output cell is no entry at all.
        Map<String, Object> entries = row.getEntryMap();
        return new DeadlineRule(
                step, integer(entries.get("workingDays")), integer(entries.get("calendarDays")), (String)
                        entries.get("legalSource"));
    }

    /** What a row depends on: the decision's deployed version and the inputs. */
    private record RuleKey(String definitionId, String tenant, String topic, DeadlineStep step) {}

    /** When a period that starts at {@code from} ends: end of office hours of the last working day, or plain days. */
    public Instant dueAt(Instant from, DeadlineRule rule) {
        if (rule.workingDays() != null) {
            return calendar.dueAt(from, rule.workingDays());
        }
        return from.plus(Duration.ofDays(rule.calendarDays()));
    }

    /**
     * When to remind of a deadline: after the configured share of the period's working days (the end of office hours
     * of that day), or after that share of the plain time when the period is shorter than one working day.
     */
    public Instant reminderAt(Instant from, Instant dueAt) {
        if (!dueAt.isAfter(from)) {
            return dueAt;
        }
        int workingDays = 0;
        while (workingDays < LONGEST_PERIOD_IN_WORKING_DAYS
                && calendar.dueAt(from, workingDays).isBefore(dueAt)) {
            workingDays++;
        }
        int remindAfter = (int) Math.floor(workingDays * settings.reminderShare());
        Instant atEndOfDay = calendar.dueAt(from, remindAfter);
        if (remindAfter > 0 && atEndOfDay.isAfter(from) && atEndOfDay.isBefore(dueAt)) {
            return atEndOfDay;
        }
        long millis = Duration.between(from, dueAt).toMillis();
        return from.plusMillis((long) (millis * settings.reminderShare()));
    }

    /** The end of office hours, in Vietnam, of a date picked in a form. */
    public Instant endOfOfficeHours(LocalDate date) {
        return calendar.dueAt(date.atStartOfDay(WorkingDayCalendar.VIETNAM).toInstant(), 0);
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
