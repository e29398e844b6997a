package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The department returned the forward as not competent; the dialogue is back in triage, due at {@code triageDueAt}: a
 * fresh triage period from the return, or the recorded triage deadline if that is later. Null in revision 1 events,
 * whose triage stayed due at the recorded deadline.
 */
@Revision("2")
public record ForwardReturned(
        UUID dialogueId,
        int forwardNumber,
        String department,
        String reason,
        Instant triageDueAt,
        Actor actor,
        Instant at,
        Evidence evidence)
        implements DialogueEvent {}
