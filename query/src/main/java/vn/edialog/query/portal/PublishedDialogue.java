package vn.edialog.query.portal;

import java.time.Instant;
import java.util.UUID;
import vn.edialog.command.dialogue.api.ActorKind;

/**
 * A published question and its answer as the portal shows them. {@code askerKind} (BUSINESS or CITIZEN) is all the
 * portal knows of the asker; {@code publishedAt} is the latest publication; {@code redacted} tells that subject,
 * question and answer are the moderator's signed redaction (the originals stay with the parties).
 */
public record PublishedDialogue(
        UUID dialogueId,
        String tenant,
        String topic,
        String subject,
        String question,
        String answer,
        String answeringAgency,
        ActorKind askerKind,
        Instant answeredAt,
        Instant publishedAt,
        boolean redacted) {}
