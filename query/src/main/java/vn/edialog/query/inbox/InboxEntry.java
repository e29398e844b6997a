package vn.edialog.query.inbox;

import java.time.Instant;
import java.util.UUID;
import vn.edialog.command.dialogue.api.DialogueStatus;

/**
 * One dialogue in a party's inbox: its tracking code, topic and subject, where it stands, who handles it and until
 * when ({@code dueAt} null when no deadline runs), when anything last happened, and whether the next move is this
 * party's ({@code awaitingParty}: the asker owes a clarification, or this agency holds the open triage or forward).
 */
public record InboxEntry(
        UUID dialogueId,
        String trackingCode,
        String topic,
        String subject,
        boolean confidential,
        InboxRole role,
        DialogueStatus status,
        String handlingAgency,
        Instant dueAt,
        Instant lastActivityAt,
        boolean awaitingParty) {}
