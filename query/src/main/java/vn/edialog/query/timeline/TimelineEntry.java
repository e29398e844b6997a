package vn.edialog.query.timeline;

import java.time.Instant;
import java.util.UUID;
import vn.edialog.command.dialogue.api.Actor;

/**
 * One event of a dialogue's timeline: what happened (type and a short summary in Vietnamese and English), who did it,
 * when, its place in the hash chain and who signed it ({@code signer} null when the certificate did not parse).
 */
public record TimelineEntry(
        UUID dialogueId,
        long sequence,
        String eventType,
        Instant at,
        Actor actor,
        String summaryVi,
        String summaryEn,
        String previousHash,
        String hash,
        Signer signer) {}
