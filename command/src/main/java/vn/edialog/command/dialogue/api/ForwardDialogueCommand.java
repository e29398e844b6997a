package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The moderator forwards the dialogue to a competent department, with a note and a due date. */
public record ForwardDialogueCommand(
        @TargetAggregateIdentifier UUID dialogueId,
        String department,
        String note,
        Instant dueAt,
        Actor actor,
        Instant at,
        SignedPayload signed) {}
