package vn.edialog.query.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * The facts of one handling step: the triage by the moderator ({@code forwardNumber} 0, one per triage {@code round})
 * or the forward of that number to a department. {@code arrival} is ASKED, REOPENED, RETURNED or FORWARDED;
 * {@code outcome} is ANSWERED, FORWARDED, RETURNED, REJECTED or CLOSED once the step ended. {@code dueAt} is the due
 * date after {@code extensions} extensions of {@code originalDueAt}; {@code onTime} is null until answered.
 */
public record SlaFact(
        UUID dialogueId,
        int forwardNumber,
        int round,
        String tenant,
        String agency,
        String arrival,
        Instant receivedAt,
        Instant originalDueAt,
        Instant dueAt,
        int extensions,
        Instant acknowledgedAt,
        Instant answeredAt,
        Instant returnedAt,
        String returnReason,
        Instant endedAt,
        String outcome,
        int escalations,
        int maxEscalationLevel,
        Integer workingDays,
        Boolean onTime,
        Integer rating) {}
