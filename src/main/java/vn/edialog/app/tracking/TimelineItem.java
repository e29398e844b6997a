package vn.edialog.app.tracking;

import java.time.Instant;
import java.util.Map;
import vn.edialog.command.dialogue.api.ActorKind;

/**
 * One signed event of a dialogue, for a reader entitled to the whole dialogue: what happened, who did it, what was
 * signed, and where it sits in the hash chain.
 *
 * @param actorId the asker's MST or CCCD; absent for officials and the system (their accounts are not shown)
 * @param agency the agency an official acted for
 * @param content what the actor signed beside the envelope's own fields: the question (topic, subject, body,
 *     attachments), a clarification request or text, a forward's department and note, an answer, a rating, a reason
 * @param evidence where to download the signed bytes, CMS signature and chain to re-verify the event
 */
public record TimelineItem(
        long sequence,
        String eventType,
        Instant at,
        ActorKind actorKind,
        String actorId,
        String actorName,
        String agency,
        String summaryVi,
        String summaryEn,
        Map<String, Object> content,
        String previousHash,
        String hash,
        String signerSubject,
        String signerIssuer,
        String signerSerial,
        String evidence) {}
