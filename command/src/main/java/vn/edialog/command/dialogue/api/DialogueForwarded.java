package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The moderator forwarded the dialogue to a department (forwardNumber counts forwards from 1). */
@Revision("1")
public record DialogueForwarded(
        UUID dialogueId,
        int forwardNumber,
        String department,
        String note,
        Instant dueAt,
        Actor actor,
        Instant at,
        Evidence evidence)
        implements DialogueEvent {}
