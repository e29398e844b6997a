package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The asker rated the answer given by answeringAgency. */
@Revision("1")
public record SatisfactionRated(
        UUID dialogueId, int rating, String comment, String answeringAgency, Actor actor, Instant at, Evidence evidence)
        implements DialogueEvent {}
