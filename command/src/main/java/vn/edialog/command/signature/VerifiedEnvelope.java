package vn.edialog.command.signature;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An envelope that passed every check: the exact signed bytes, the parsed payload fields and the signer. */
public record VerifiedEnvelope(
        byte[] payloadBytes,
        byte[] signatureBytes,
        JsonNode payload,
        String type,
        String tenant,
        UUID dialogueId,
        UUID nonce,
        Instant signedAt,
        SignerIdentity signer,
        SignerFacts facts,
        List<X509Certificate> chain) {}
