package vn.edialog.query.summary;

import java.time.Instant;
import java.util.UUID;

/** Where one dialogue stands; no content and no personal data. */
public record DialogueSummary(
        UUID dialogueId,
        String tenant,
        String trackingCode,
        String topic,
        String status,
        String handlingAgency,
        Instant dueAt,
        int escalationLevel,
        Instant askedAt,
        Instant answeredAt,
        boolean published,
        Instant lastEventAt) {}
