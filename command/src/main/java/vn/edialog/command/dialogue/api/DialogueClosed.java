package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The dialogue was closed; the asker may reopen it until reopenableUntil. */
@Revision("1")
public record DialogueClosed(
        UUID dialogueId, CloseReason reason, Instant reopenableUntil, Actor actor, Instant at, Evidence evidence)
        implements DialogueEvent {}
