package vn.edialog.app.confidential;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.edialog.query.timeline.EventEvidence;

/**
 * Opens a confidential dialogue's stored evidence for a reader the caller has let in (read authorization decides
 * before): the sealed event gets its signed bytes back, decrypted and checked against the digest it keeps. An erased
 * dialogue's evidence stays sealed: its signature and chain still verify by the digest.
 */
@Component
public class SealedPayloads {

    private final ConfidentialContents contents;

    SealedPayloads(ConfidentialContents contents) {
        this.contents = contents;
    }

    /** When the dialogue's content was erased, if it was (the pages say so instead of showing it). */
    public Optional<Instant> erasedAt(UUID dialogueId) {
        return contents.erasedAt(dialogueId);
    }

    /** Whether the dialogue's messages are sealed (a confidential dialogue asked since its content is encrypted). */
    public boolean isSealed(UUID dialogueId) {
        return contents.isConfidential(dialogueId);
    }

    /** {@code evidence} with its payload opened, when it is sealed and its dialogue's key is still there. */
    public EventEvidence open(EventEvidence evidence) {
        if (!evidence.sealed()) {
            return evidence;
        }
        return contents.reader(evidence.dialogueId())
                .flatMap(reader -> reader.open(evidence.payloadSha256()))
                .map(bytes -> evidence.withPayload(Base64.getEncoder().encodeToString(bytes)))
                .orElse(evidence);
    }
}
