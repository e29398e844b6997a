package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The moderator refused the extension; the forward keeps its due date. */
@Revision("1")
public record DeadlineExtensionRefused(
        UUID dialogueId,
        int forwardNumber,
        String department,
        Instant requestedDueAt,
        String reason,
        Actor actor,
        Instant at,
        Evidence evidence)
        implements DialogueEvent {}
