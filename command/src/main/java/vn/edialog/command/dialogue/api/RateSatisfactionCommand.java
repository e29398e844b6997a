package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The asker rates the answer from 1 to 5. */
public record RateSatisfactionCommand(
        @TargetAggregateIdentifier UUID dialogueId,
        int rating,
        String comment,
        Actor actor,
        Instant at,
        SignedPayload signed) {}
