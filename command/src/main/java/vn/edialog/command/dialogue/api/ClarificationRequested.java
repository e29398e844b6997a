package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The moderator or a department asked the asker for more information; requestedBy is the asking agency. */
@Revision("1")
public record ClarificationRequested(
        UUID dialogueId, String request, Instant dueAt, String requestedBy, Actor actor, Instant at, Evidence evidence)
        implements DialogueEvent {}
