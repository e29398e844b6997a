package vn.edialog.processes.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.EscalationStep;
import vn.edialog.command.dialogue.api.RejectionReason;

/** Stands in for the signed government actions: records every call and refuses the ones it is told to. */
final class RecordingDialogueActions implements DialogueActions {

    /** One call; {@code fields} in the order of the method's parameters after the official. */
    record Call(String action, UUID dialogueId, ActingOfficial official, List<Object> fields) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<UUID, RuntimeException> refusals = new ConcurrentHashMap<>();

    /** The next action on this dialogue is refused with this exception. */
    void refuseNext(UUID dialogueId, RuntimeException refusal) {
        refusals.put(dialogueId, refusal);
    }

    List<Call> calls(UUID dialogueId) {
        return calls.stream().filter(c -> c.dialogueId().equals(dialogueId)).toList();
    }

    List<Call> calls(UUID dialogueId, String action) {
        return calls(dialogueId).stream().filter(c -> c.action().equals(action)).toList();
    }

    @Override
    public void forward(UUID dialogueId, ActingOfficial official, String department, String note, Instant dueAt) {
        record("forward", dialogueId, official, department, note, dueAt);
    }

    @Override
    public void answer(UUID dialogueId, ActingOfficial official, String answer) {
        record("answer", dialogueId, official, answer);
    }

    @Override
    public void requestClarification(UUID dialogueId, ActingOfficial official, String request, Instant dueAt) {
        record("requestClarification", dialogueId, official, request, dueAt);
    }

    @Override
    public void reject(UUID dialogueId, ActingOfficial official, RejectionReason code, String reason) {
        record("reject", dialogueId, official, code, reason);
    }

    @Override
    public void acknowledge(UUID dialogueId, ActingOfficial official) {
        record("acknowledge", dialogueId, official);
    }

    @Override
    public void returnForward(UUID dialogueId, ActingOfficial official, String reason) {
        record("returnForward", dialogueId, official, reason);
    }

    @Override
    public void requestExtension(UUID dialogueId, ActingOfficial official, Instant requestedDueAt, String reason) {
        record("requestExtension", dialogueId, official, requestedDueAt, reason);
    }

    @Override
    public void extend(UUID dialogueId, ActingOfficial official, Instant newDueAt) {
        record("extend", dialogueId, official, newDueAt);
    }

    @Override
    public void refuseExtension(UUID dialogueId, ActingOfficial official, String reason) {
        record("refuseExtension", dialogueId, official, reason);
    }

    @Override
    public void publish(UUID dialogueId, ActingOfficial official) {
        record("publish", dialogueId, official);
    }

    @Override
    public void publishRedacted(
            UUID dialogueId, ActingOfficial official, String subject, String question, String answer) {
        record("publishRedacted", dialogueId, official, subject, question, answer);
    }

    @Override
    public void keepPrivate(UUID dialogueId, ActingOfficial official, String reason) {
        record("keepPrivate", dialogueId, official, reason);
    }

    @Override
    public void escalate(UUID dialogueId, EscalationStep step, int level, String escalatedTo, Instant dueAt) {
        record("escalate", dialogueId, null, step, level, escalatedTo, dueAt);
    }

    @Override
    public void closeAutomatically(UUID dialogueId, CloseReason reason, Instant reopenableUntil) {
        record("closeAutomatically", dialogueId, null, reason, reopenableUntil);
    }

    private void record(String action, UUID dialogueId, ActingOfficial official, Object... fields) {
        RuntimeException refusal = refusals.remove(dialogueId);
        if (refusal != null) {
            throw refusal;
        }
        calls.add(new Call(action, dialogueId, official, List.of(fields)));
    }
}
