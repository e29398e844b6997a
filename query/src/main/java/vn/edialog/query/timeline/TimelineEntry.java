package vn.edialog.query.timeline;

import java.time.Instant;
import java.util.UUID;
import vn.edialog.command.dialogue.api.Actor;

/**
 * One event of a dialogue's timeline: what happened (its type and facts, from which a page says it in the reader's
 * language), who did it, when, its place in the hash chain and who signed it ({@code signer} null when the certificate
 * did not parse).
 */
public record TimelineEntry(
        UUID dialogueId,
        long sequence,
        String eventType,
        Instant at,
        Actor actor,
        TimelineFacts facts,
        String previousHash,
        String hash,
        Signer signer) {}
