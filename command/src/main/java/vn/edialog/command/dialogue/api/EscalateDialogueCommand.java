package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The system escalates an open step whose deadline passed. */
public record EscalateDialogueCommand(
        @TargetAggregateIdentifier UUID dialogueId,
        EscalationStep step,
        int level,
        String escalatedTo,
        Instant dueAt,
        Actor actor,
        Instant at,
        SignedPayload signed) {}
