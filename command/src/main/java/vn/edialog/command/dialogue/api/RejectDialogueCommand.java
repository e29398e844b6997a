package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The moderator rejects the dialogue in triage; final. */
public record RejectDialogueCommand(
        @TargetAggregateIdentifier UUID dialogueId,
        RejectionReason code,
        String reason,
        Actor actor,
        Instant at,
        SignedPayload signed) {}
