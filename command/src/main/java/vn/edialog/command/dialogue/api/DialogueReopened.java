package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The asker reopened the closed dialogue; it is back in triage, due at triageDueAt. */
@Revision("1")
public record DialogueReopened(
        UUID dialogueId, String reason, Instant triageDueAt, Actor actor, Instant at, Evidence evidence)
        implements DialogueEvent {}
