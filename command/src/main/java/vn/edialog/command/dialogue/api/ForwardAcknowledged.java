package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The department signed its receipt of the forward. */
@Revision("1")
public record ForwardAcknowledged(
        UUID dialogueId,
        int forwardNumber,
        String department,
        Instant dueAt,
        Actor actor,
        Instant at,
        Evidence evidence)
        implements DialogueEvent {}
