package vn.edialog.processes.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.edialog.command.dialogue.api.EscalationStep;

/** Records the reminders the process sends. */
final class RecordingReminders implements DialogueReminders {

    record Reminder(UUID dialogueId, EscalationStep step, String candidateGroup, Instant dueAt) {}

    private final List<Reminder> sent = new CopyOnWriteArrayList<>();

    @Override
    public void remind(UUID dialogueId, EscalationStep step, String candidateGroup, Instant dueAt) {
        sent.add(new Reminder(dialogueId, step, candidateGroup, dueAt));
    }

    List<Reminder> sent(UUID dialogueId) {
        return sent.stream().filter(r -> r.dialogueId().equals(dialogueId)).toList();
    }
}
