package vn.edialog.processes.dialogue;

import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Bean {@value DialogueProcessBeans#PLAN_DEADLINES}: before a stage starts, sets the dates its timers and tasks read.
 * Input parameter {@code step}: TRIAGE, ANSWER, RATING_WINDOW or PUBLICATION.
 *
 * <p>TRIAGE: due = the later of the recorded due date (from DialogueAsked / DialogueReopened) and the policy's period
 * from when triage (re)started, so a returned dialogue gives the moderator a fresh period and escalation never comes
 * before the recorded due date. ANSWER: due = the forward's (or extension's) recorded due date. Both get a reminder
 * and a level-2 escalation date; RATING_WINDOW gets its end; PUBLICATION the due date of the publication decision,
 * counted from the answer.
 */
public class PlanDeadlines implements JavaDelegate {

    private final Deadlines deadlines;

    public PlanDeadlines(Deadlines deadlines) {
        this.deadlines = deadlines;
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
            }
            case ANSWER -> {
                Instant started = Values.requiredInstant(execution, ANSWER_STARTED_AT);
                Instant due = Values.requiredInstant(execution, ANSWER_DUE_AT);
                DeadlineRule rule = deadlines.rule(engine, tenant, topic, DeadlineStep.ANSWER);
                execution.setVariable(ANSWER_REMINDER_AT, Values.date(deadlines.reminderAt(started, due)));
                execution.setVariable(ANSWER_ESCALATION_AT, Values.date(nextEscalation(engine, tenant, topic, due)));
                execution.setVariable("answerLegalSource", rule.legalSource());
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

    private Instant nextEscalation(ProcessEngineServices engine, String tenant, String topic, Instant due) {
        return deadlines.dueAt(due, deadlines.rule(engine, tenant, topic, DeadlineStep.NEXT_ESCALATION));
    }
}
