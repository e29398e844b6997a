package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The moderator publishes the latest answer of a non-confidential dialogue whose asker agreed, as it was given. */
public record PublishAnswerCommand(
        @TargetAggregateIdentifier UUID dialogueId, Actor actor, Instant at, SignedPayload signed) {}
