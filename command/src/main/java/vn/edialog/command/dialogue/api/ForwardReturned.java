package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The department returned the forward as not competent; the dialogue is back in triage. */
@Revision("1")
public record ForwardReturned(
        UUID dialogueId,
        int forwardNumber,
        String department,
        String reason,
        Actor actor,
        Instant at,
        Evidence evidence) {}
