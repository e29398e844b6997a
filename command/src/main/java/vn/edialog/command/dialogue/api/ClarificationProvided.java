package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The asker provided the clarification; the dialogue resumed in resumedStatus (triage or the open forward). */
@Revision("1")
public record ClarificationProvided(
        UUID dialogueId, String text, DialogueStatus resumedStatus, Actor actor, Instant at, Evidence evidence)
        implements DialogueEvent {}
