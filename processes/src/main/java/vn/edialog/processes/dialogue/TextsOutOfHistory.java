package vn.edialog.processes.dialogue;

import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * What people wrote never goes into Camunda's history: the subject, the question, the answers, notes, requests and
 * reasons (typed into a Tasklist form or copied in from an event) are process variables while a task needs them and
 * are then removed, and their text is not kept in {@code ACT_HI_VARINST} or {@code ACT_HI_DETAIL}. The signed events
 * are the record of what was said; Camunda's history keeps who did what and when. This is what keeps a confidential
 * dialogue's text, which only ever reaches Camunda as an official types it into a form, out of the database.
 *
 * <p>Camunda's "full" history level (same id, same name, so an existing database keeps its level), except for these
 * variables; the form-property copy of a submitted field ({@link LongStrings.FittingFormHistory}) says only that the
 * text is in the signed event.
 */
public final class TextsOutOfHistory extends AbstractProcessEnginePlugin {

    /** The variables that carry what someone wrote. */
    static final Set<String> FREE_TEXT = Set.of(
            SUBJECT,
            QUESTION,
            FORWARD_NOTE,
            REQUESTED_EXTENSION_REASON,
            ANSWER_TEXT,
            PUBLIC_SUBJECT,
            PUBLIC_QUESTION,
            PUBLIC_ANSWER,
            NOTE,
            ANSWER,
            CLARIFICATION_REQUEST,
            REJECTION_REASON,
            RETURN_REASON,
            EXTENSION_REASON,
            REFUSAL_REASON,
            REDACTED_SUBJECT,
            REDACTED_BODY,
            REDACTED_ANSWER,
            KEEP_PRIVATE_REASON,
            "clarificationRequested",
            "returnedReason",
            "extensionRefusedReason",
            "reopenedReason");

    /** What the history shows for a submitted free-text field instead of its text. */
    static final String IN_THE_SIGNED_EVENT = "(trong sự kiện đã ký — in the signed event)";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryLevels() == null) {
            configuration.setCustomHistoryLevels(new ArrayList<>());
        }
        // Listed after Camunda's own "full": the engine takes the last level of the configured name.
        configuration.getCustomHistoryLevels().add(new FullWithoutFreeText());
    }

    /** Whether a variable carries what someone wrote. */
    static boolean isFreeText(String variable) {
        return variable != null && FREE_TEXT.contains(variable);
    }

    static final class FullWithoutFreeText extends HistoryLevelFull {
        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            if (entity instanceof VariableInstance variable
                    && isVariableEvent(eventType)
                    && isFreeText(variable.getName())) {
                return false;
            }
            return super.isHistoryEventProduced(eventType, entity);
        }

        private static boolean isVariableEvent(HistoryEventType type) {
            return type == HistoryEventTypes.VARIABLE_INSTANCE_CREATE
                    || type == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE
                    || type == HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE
                    || type == HistoryEventTypes.VARIABLE_INSTANCE_DELETE
                    || type == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;
        }
    }
}
