package vn.edialog.processes.dialogue;

import java.time.Instant;
import java.util.UUID;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.EscalationStep;
import vn.edialog.command.dialogue.api.RejectionReason;

/**
 * The government and system acts the dialogue process performs, implemented by the application with server-signed
 * commands. Every method runs inside the transaction of the task completion or job that calls it and refuses by
 * throwing a {@link RuntimeException}: the completion (or the job) then fails and nothing is stored. The resulting
 * event, not the call, moves the process on.
 */
public interface DialogueActions {

    void forward(UUID dialogueId, ActingOfficial official, String department, String note, Instant dueAt);

    void answer(UUID dialogueId, ActingOfficial official, String answer);

    void requestClarification(UUID dialogueId, ActingOfficial official, String request, Instant dueAt);

    void reject(UUID dialogueId, ActingOfficial official, RejectionReason code, String reason);

    void acknowledge(UUID dialogueId, ActingOfficial official);

    void returnForward(UUID dialogueId, ActingOfficial official, String reason);

    void requestExtension(UUID dialogueId, ActingOfficial official, Instant requestedDueAt, String reason);

    void extend(UUID dialogueId, ActingOfficial official, Instant newDueAt);

    void refuseExtension(UUID dialogueId, ActingOfficial official, String reason);

    /** Publishes the dialogue's latest answer as it was given. */
    void publish(UUID dialogueId, ActingOfficial official);

    /** Publishes the latest answer with redacted texts, naming the SHA-256 of the original signed payloads. */
    void publishRedacted(UUID dialogueId, ActingOfficial official, String subject, String question, String answer);

    /** Records, with a reason, that the latest answer stays off the portal. */
    void keepPrivate(UUID dialogueId, ActingOfficial official, String reason);

    /** Signed by the system key: the deadline of {@code step} passed at {@code dueAt}. */
    void escalate(UUID dialogueId, EscalationStep step, int level, String escalatedTo, Instant dueAt);

    /** Signed by the system key: a wait elapsed (clarification timeout, rating window). */
    void closeAutomatically(UUID dialogueId, CloseReason reason, Instant reopenableUntil);
}
