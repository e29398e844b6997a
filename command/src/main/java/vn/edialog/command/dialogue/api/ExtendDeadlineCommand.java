package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The moderator approves the pending extension request with a new due date. */
public record ExtendDeadlineCommand(
        @TargetAggregateIdentifier UUID dialogueId, Instant newDueAt, Actor actor, Instant at, SignedPayload signed) {}
