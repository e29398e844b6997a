package vn.edialog.app.tracking;

import java.time.Instant;
import java.util.UUID;
import vn.edialog.command.dialogue.api.DialogueStatus;
import vn.edialog.query.inbox.InboxEntry;
import vn.edialog.query.inbox.InboxRole;

/**
 * One dialogue of an inbox, as the read API shows it.
 *
 * @param role why the dialogue is in this inbox: the party asked it, moderates it, or was forwarded it
 * @param dueAt until when the step under way runs; absent when no deadline runs
 * @param awaitingYou whether the next move is the inbox owner's: the asker owes a clarification, or the agency holds
 *     the open triage or forward
 */
public record InboxItem(
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
        boolean awaitingYou) {

    static InboxItem of(InboxEntry entry) {
        return new InboxItem(
                entry.dialogueId(),
                entry.trackingCode(),
                entry.topic(),
                entry.subject(),
                entry.confidential(),
                entry.role(),
                entry.status(),
                entry.handlingAgency(),
                entry.dueAt(),
                entry.lastActivityAt(),
                entry.awaitingParty());
    }
}
