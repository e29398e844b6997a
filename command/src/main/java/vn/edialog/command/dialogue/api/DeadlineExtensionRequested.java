package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The department holding the forward asked to move its due date. */
@Revision("1")
public record DeadlineExtensionRequested(
        UUID dialogueId,
        int forwardNumber,
        String department,
        Instant currentDueAt,
        Instant requestedDueAt,
        String reason,
        Actor actor,
        Instant at,
        Evidence evidence)
        implements DialogueEvent {}
