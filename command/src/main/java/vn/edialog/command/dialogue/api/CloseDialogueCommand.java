package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The moderator or the system closes the dialogue. */
public record CloseDialogueCommand(
        @TargetAggregateIdentifier UUID dialogueId,
        CloseReason reason,
        Instant reopenableUntil,
        Actor actor,
        Instant at,
        SignedPayload signed) {}
