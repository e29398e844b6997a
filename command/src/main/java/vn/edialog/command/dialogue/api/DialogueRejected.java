package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The moderator rejected the dialogue; final. */
@Revision("1")
public record DialogueRejected(
        UUID dialogueId, RejectionReason code, String reason, Actor actor, Instant at, Evidence evidence)
        implements DialogueEvent {}
