package vn.edialog.query.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The evidence of one event exactly as stored, for download and offline re-verification: base64 signed bytes, base64
 * DER CMS signature, base64 DER certificates (signer first), and the hash chain link.
 */
public record EventEvidence(
        UUID dialogueId,
        long sequence,
        String eventType,
        Instant at,
        String signedPayload,
        String signature,
        List<String> chain,
        String previousHash,
        String hash,
        Signer signer) {

    public EventEvidence {
        chain = List.copyOf(chain);
    }
}
