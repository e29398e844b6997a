package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The system escalated an open step whose deadline passed; responsibleAgency is who held the step. */
@Revision("1")
public record DialogueEscalated(
        UUID dialogueId,
        EscalationStep step,
        int level,
        String escalatedTo,
        Instant dueAt,
        String responsibleAgency,
        Actor actor,
        Instant at,
        Evidence evidence)
        implements DialogueEvent {}
