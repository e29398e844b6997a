package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The dialogue was answered by answeringAgency; dueAt is the deadline of the answered step (the forward's due date when viaForward, else the triage due date) and onTime tells whether at <= dueAt. */
@Revision("1")
public record DialogueAnswered(
        UUID dialogueId,
        String answer,
        String answeringAgency,
        boolean viaForward,
        Instant dueAt,
        boolean onTime,
        Actor actor,
        Instant at,
        Evidence evidence)
        implements DialogueEvent {}
