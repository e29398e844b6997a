package vn.edialog.processes.dialogue;

import java.time.Instant;
import java.util.UUID;
import vn.edialog.command.dialogue.api.EscalationStep;

/**
 * Tells the people holding a step that its deadline is near (e-mail, notification). A reminder is no government act:
 * it is neither signed nor recorded as an event, so it is a port of its own.
 */
public interface DialogueReminders {

    /**
     * @param step the step whose deadline comes
     * @param candidateGroup the Camunda group holding the step's task, e.g. {@code demo-ubnd-moderators}
     */
    void remind(UUID dialogueId, EscalationStep step, String candidateGroup, Instant dueAt);
}
