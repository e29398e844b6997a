package vn.edialog.query.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The evidence of one event exactly as stored, for download and offline re-verification: base64 signed bytes, base64
 * DER CMS signature, base64 DER certificates (signer first), and the hash chain link. A confidential dialogue's event
 * is sealed: no signed bytes here ({@code signedPayload} null), only their SHA-256 ({@code payloadSha256}).
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
        Signer signer,
        String payloadSha256) {

    public EventEvidence {
        chain = List.copyOf(chain);
    }

    /** Whether the signed bytes are kept elsewhere, encrypted, and only their digest here. */
    public boolean sealed() {
        return signedPayload == null && payloadSha256 != null;
    }

    /** This evidence with the signed bytes a party opened (base64). */
    public EventEvidence withPayload(String base64) {
        return new EventEvidence(
                dialogueId, sequence, eventType, at, base64, signature, chain, previousHash, hash, signer, null);
    }
}
