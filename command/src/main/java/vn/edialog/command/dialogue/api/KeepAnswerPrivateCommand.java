package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The moderator decides, with a reason, not to publish the latest answer. */
public record KeepAnswerPrivateCommand(
        @TargetAggregateIdentifier UUID dialogueId, String reason, Actor actor, Instant at, SignedPayload signed) {}
