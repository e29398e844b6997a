package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase a finished confidential dialogue's content for good (Decree 13/2023 on personal data): its data keys are
 * destroyed, and this records who did it, when and why. The People's Committee's leaders, or the operator through the
 * system; the envelope is never sealed, so the record of the erasure stays readable.
 */
public record ErasePersonalDataCommand(
        @TargetAggregateIdentifier UUID dialogueId, String reason, Actor actor, Instant at, SignedPayload signed) {}
