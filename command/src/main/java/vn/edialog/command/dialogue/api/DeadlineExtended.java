package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The moderator approved the extension; the forward is now due at newDueAt. */
@Revision("1")
public record DeadlineExtended(
        UUID dialogueId,
        int forwardNumber,
        String department,
        Instant previousDueAt,
        Instant newDueAt,
        Actor actor,
        Instant at,
        Evidence evidence)
        implements DialogueEvent {}
