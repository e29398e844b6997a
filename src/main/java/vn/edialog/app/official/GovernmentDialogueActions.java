package vn.edialog.app.official;

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.edialog.app.access.Official;
import vn.edialog.app.access.OfficialsDirectory;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.EscalationStep;
import vn.edialog.command.dialogue.api.RejectionReason;
import vn.edialog.processes.dialogue.ActingOfficial;
import vn.edialog.processes.dialogue.DialogueActions;

/**
 * What the dialogue process does, done as server-signed government actions: the official who completed the task is
 * checked to belong to the agency the task was offered to, then the action is signed with that agency's key. Runs in
 * the transaction completing the task, so a refused command leaves the task open.
 */
@Component
class GovernmentDialogueActions implements DialogueActions {

    private final GovernmentActions government;
    private final OfficialsDirectory officials;

    GovernmentDialogueActions(GovernmentActions government, OfficialsDirectory officials) {
        this.government = government;
        this.officials = officials;
    }

    private Official official(ActingOfficial acting) {
        Official official = officials.require(acting.userId());
        if (!official.tenant().equals(acting.tenant()) || !official.agency().equals(acting.agency())) {
            throw new IllegalStateException("User " + acting.userId() + " acts for " + official.tenant() + "/"
                    + official.agency() + ", not for " + acting.tenant() + "/" + acting.agency()
                    + " to whom this task belongs");
        }
        return official;
    }

    @Override
    public void forward(UUID dialogueId, ActingOfficial official, String department, String note, Instant dueAt) {
        government.forward(dialogueId, official(official), department, note, dueAt);
    }

    @Override
    public void answer(UUID dialogueId, ActingOfficial official, String answer) {
        government.answer(dialogueId, official(official), answer);
    }

    @Override
    public void requestClarification(UUID dialogueId, ActingOfficial official, String request, Instant dueAt) {
        government.requestClarification(dialogueId, official(official), request, dueAt);
    }

    @Override
    public void reject(UUID dialogueId, ActingOfficial official, RejectionReason code, String reason) {
        government.reject(dialogueId, official(official), code, reason);
    }

    @Override
    public void acknowledge(UUID dialogueId, ActingOfficial official) {
        government.acknowledge(dialogueId, official(official));
    }

    @Override
    public void returnForward(UUID dialogueId, ActingOfficial official, String reason) {
        government.returnForward(dialogueId, official(official), reason);
    }

    @Override
    public void requestExtension(UUID dialogueId, ActingOfficial official, Instant requestedDueAt, String reason) {
        government.requestExtension(dialogueId, official(official), requestedDueAt, reason);
    }

    @Override
    public void extend(UUID dialogueId, ActingOfficial official, Instant newDueAt) {
        government.extend(dialogueId, official(official), newDueAt);
    }

    @Override
    public void refuseExtension(UUID dialogueId, ActingOfficial official, String reason) {
        government.refuseExtension(dialogueId, official(official), reason);
    }

    @Override
    public void publish(UUID dialogueId, ActingOfficial official) {
        government.publish(dialogueId, official(official));
    }

    @Override
    public void publishRedacted(
            UUID dialogueId, ActingOfficial official, String subject, String question, String answer) {
        government.publishRedacted(dialogueId, official(official), subject, question, answer);
    }

    @Override
    public void keepPrivate(UUID dialogueId, ActingOfficial official, String reason) {
        government.keepPrivate(dialogueId, official(official), reason);
    }

    @Override
    public void escalate(UUID dialogueId, EscalationStep step, int level, String escalatedTo, Instant dueAt) {
        government.escalate(dialogueId, step, level, escalatedTo, dueAt);
    }

    @Override
    public void closeAutomatically(UUID dialogueId, CloseReason reason, Instant reopenableUntil) {
        government.closeAutomatically(dialogueId, reason, reopenableUntil);
    }
}
