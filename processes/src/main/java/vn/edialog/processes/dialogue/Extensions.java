package vn.edialog.processes.dialogue;

import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The extension policy both sides of an extension check: later than now due, at most EXTENSION_MAX after it. */
final class Extensions {

    private Extensions() {}

    static void check(Deadlines deadlines, ProcessEngineServices engine, VariableScope scope, Instant newDueAt) {
        Instant current = Values.requiredInstant(scope, ANSWER_DUE_AT);
        if (!newDueAt.isAfter(current)) {
            throw new InvalidDecision(
                    "Ngày gia hạn phải sau hạn hiện tại " + current + " (must be after the current due date)");
        }
        DeadlineRule max = deadlines.rule(
                engine, Values.string(scope, TENANT), Values.string(scope, TOPIC), DeadlineStep.EXTENSION_MAX);
        Instant limit = deadlines.dueAt(current, max);
        if (newDueAt.isAfter(limit)) {
            throw new InvalidDecision("Gia hạn tối đa đến " + limit + " (at most " + max.workingDays()
                    + " working days after the current due date; " + max.legalSource() + ")");
        }
    }
}
