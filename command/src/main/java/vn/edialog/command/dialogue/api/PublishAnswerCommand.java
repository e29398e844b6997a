package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The moderator publishes the answer of a non-confidential dialogue on the portal. */
public record PublishAnswerCommand(
        @TargetAggregateIdentifier UUID dialogueId, Actor actor, Instant at, SignedPayload signed) {}
