package vn.edialog.processes.dialogue;

import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.time.Instant;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import vn.edialog.command.tenant.Agency;
import vn.edialog.command.tenant.AgencyKind;
import vn.edialog.command.tenant.TenantCatalog;
import vn.edialog.command.tenant.Topic;

/**
 * Bean {@value DialogueProcessBeans#PLAN_DEADLINES}: before a stage starts, sets the dates its timers and tasks read.
 * Input parameter {@code step}: TRIAGE, ANSWER, RATING_WINDOW or PUBLICATION.
 *
 * <p>TRIAGE: due = the later of the recorded due date (from DialogueAsked / DialogueReopened) and the policy's period
 * from when triage (re)started, so a returned dialogue gives the moderator a fresh period and escalation never comes
 * before the recorded due date. ANSWER: due = the forward's (or extension's) recorded due date. Both get a reminder
 * and a level-2 escalation date; RATING_WINDOW gets its end; PUBLICATION the due date of the publication decision,
 * counted from the answer.
 *
 * <p>Each stage also gets what its form shows a person: due dates as local text ({@code triageDueAtText}, {@code
 * answerDueAtText}: dd/MM/yyyy HH:mm at Asia/Ho_Chi_Minh) and names instead of codes ({@code topicName}, {@code
 * departmentName}, {@code returnedByName}, and {@code departmentOptions}, "code|name" per department joined by ";", which
 * the triage form's select turns into its choices).
 */
public class PlanDeadlines implements JavaDelegate {

    private final Deadlines deadlines;
    private final TenantCatalog tenants;

    public PlanDeadlines(Deadlines deadlines, TenantCatalog tenants) {
        this.deadlines = deadlines;
        this.tenants = tenants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String step = Values.requiredString(execution, "step");
        ProcessEngineServices engine = execution.getProcessEngineServices();
        String tenant = Values.string(execution, TENANT);
        String topic = Values.string(execution, TOPIC);
        switch (DeadlineStep.valueOf(step)) {
            case TRIAGE -> {
                Instant started = Values.requiredInstant(execution, TRIAGE_STARTED_AT);
                Instant recorded = Values.requiredInstant(execution, TRIAGE_DUE_AT);
                DeadlineRule rule = deadlines.rule(engine, tenant, topic, DeadlineStep.TRIAGE);
                Instant byPolicy = deadlines.dueAt(started, rule);
                Instant due = byPolicy.isAfter(recorded) ? byPolicy : recorded;
                execution.setVariable(TRIAGE_DUE_AT, Values.date(due));
                execution.setVariable(TRIAGE_REMINDER_AT, Values.date(deadlines.reminderAt(started, due)));
                execution.setVariable(TRIAGE_ESCALATION_AT, Values.date(nextEscalation(engine, tenant, topic, due)));
                execution.setVariable("triageLegalSource", rule.legalSource());
                execution.setVariable(TRIAGE_DUE_AT + "Text", Values.localText(due));
                execution.setVariable("topicName", topicName(tenant, topic));
                execution.setVariable("departmentOptions", departmentOptions(tenant));
                String returnedBy = Values.string(execution, "returnedBy");
                if (returnedBy != null) {
                    execution.setVariable("returnedByName", agencyName(tenant, returnedBy));
                }
            }
            case ANSWER -> {
                Instant started = Values.requiredInstant(execution, ANSWER_STARTED_AT);
                Instant due = Values.requiredInstant(execution, ANSWER_DUE_AT);
                DeadlineRule rule = deadlines.rule(engine, tenant, topic, DeadlineStep.ANSWER);
                execution.setVariable(ANSWER_REMINDER_AT, Values.date(deadlines.reminderAt(started, due)));
                execution.setVariable(ANSWER_ESCALATION_AT, Values.date(nextEscalation(engine, tenant, topic, due)));
                execution.setVariable("answerLegalSource", rule.legalSource());
                execution.setVariable(ANSWER_DUE_AT + "Text", Values.localText(due));
                execution.setVariable("departmentName", agencyName(tenant, Values.string(execution, DEPARTMENT)));
                execution.setVariable(
                        "extensionMaxText",
                        periodText(deadlines.rule(engine, tenant, topic, DeadlineStep.EXTENSION_MAX)));
            }
            case RATING_WINDOW -> {
                Instant answered = Values.requiredInstant(execution, ANSWERED_AT);
                DeadlineRule rule = deadlines.rule(engine, tenant, topic, DeadlineStep.RATING_WINDOW);
                execution.setVariable(RATING_WINDOW_ENDS_AT, Values.date(deadlines.dueAt(answered, rule)));
            }
            case PUBLICATION -> {
                Instant answered = Values.requiredInstant(execution, ANSWERED_AT);
                DeadlineRule rule = deadlines.rule(engine, tenant, topic, DeadlineStep.PUBLICATION);
                execution.setVariable(PUBLICATION_DUE_AT, Values.date(deadlines.dueAt(answered, rule)));
            }
            default -> throw new IllegalStateException("planDeadlines does not plan step " + step);
        }
    }

    private String topicName(String tenant, String topic) {
        return tenants.topic(tenant, topic).map(Topic::nameVi).orElse(topic);
    }

    private String agencyName(String tenant, String agency) {
        return agency == null
                ? null
                : tenants.agency(tenant, agency).map(Agency::nameVi).orElse(agency);
    }

    /** The departments a moderator can forward to, "code|name" joined by ";" (a String: the engine has no JSON here). */
    private String departmentOptions(String tenant) {
        return tenants.tenant(tenant)
                .map(t -> t.agencies().stream()
                        .filter(a -> a.kind() != AgencyKind.MODERATOR)
                        .map(a -> a.code() + "|" + a.nameVi())
                        .collect(Collectors.joining(";")))
                .orElse("");
    }

    private static String periodText(DeadlineRule rule) {
        return rule.workingDays() != null
                ? rule.workingDays() + " ngày làm việc (working days)"
                : rule.calendarDays() + " ngày (calendar days)";
    }

    private Instant nextEscalation(ProcessEngineServices engine, String tenant, String topic, Instant due) {
        return deadlines.dueAt(due, deadlines.rule(engine, tenant, topic, DeadlineStep.NEXT_ESCALATION));
    }
}
