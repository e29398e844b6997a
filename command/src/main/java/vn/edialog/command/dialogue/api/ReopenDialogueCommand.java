package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The asker reopens a closed dialogue within its window; it goes back to triage. */
public record ReopenDialogueCommand(
        @TargetAggregateIdentifier UUID dialogueId,
        String reason,
        Instant triageDueAt,
        Actor actor,
        Instant at,
        SignedPayload signed) {}
