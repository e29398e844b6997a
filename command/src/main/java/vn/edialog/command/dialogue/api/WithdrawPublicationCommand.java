package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The moderator withdraws the published answer from the portal, with a reason. */
public record WithdrawPublicationCommand(
        @TargetAggregateIdentifier UUID dialogueId, String reason, Actor actor, Instant at, SignedPayload signed) {}
