package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The department holding the open forward asks for more time. */
public record RequestDeadlineExtensionCommand(
        @TargetAggregateIdentifier UUID dialogueId,
        Instant requestedDueAt,
        String reason,
        Actor actor,
        Instant at,
        SignedPayload signed) {}
