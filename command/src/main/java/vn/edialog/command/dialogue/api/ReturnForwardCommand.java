package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The department holding the open forward returns it as not competent; triage is due again at {@code triageDueAt}
 * (the triage period counted from the return).
 */
public record ReturnForwardCommand(
        @TargetAggregateIdentifier UUID dialogueId,
        String reason,
        Instant triageDueAt,
        Actor actor,
        Instant at,
        SignedPayload signed) {}
