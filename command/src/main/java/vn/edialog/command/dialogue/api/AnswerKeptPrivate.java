package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The moderator decided not to publish the latest answer (answered at answeredAt), for the reason given. */
@Revision("1")
public record AnswerKeptPrivate(
        UUID dialogueId, String reason, Instant answeredAt, Actor actor, Instant at, Evidence evidence)
        implements DialogueEvent {}
