package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The moderator withdrew the published answer from the portal, its search and its feed, for the reason given. */
@Revision("1")
public record PublicationWithdrawn(UUID dialogueId, String reason, Actor actor, Instant at, Evidence evidence)
        implements DialogueEvent {}
