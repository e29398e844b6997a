package vn.edialog.app.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.edialog.app.confidential.SealedPayloads;
import vn.edialog.command.dialogue.api.EvidenceChain;
import vn.edialog.command.dialogue.api.SignedPayload;
import vn.edialog.command.signature.CmsSignatureVerifier;
import vn.edialog.command.signature.TrustAnchors;
import vn.edialog.command.signature.VerificationContext;
import vn.edialog.command.signature.VerificationResult;
import vn.edialog.query.timeline.DialogueTimelineQueries;
import vn.edialog.query.timeline.EventEvidence;
import vn.edialog.query.timeline.TimelineEntry;

/**
 * A dialogue's signed timeline as the pages show it, re-checked when read rather than taken on trust: for every event,
 * its CMS signature over the stored signed bytes with a certification path to the tenant's trust anchors as it was at
 * the signing time, and its hash link (recomputed from those bytes and the signature, and compared with the previous
 * event's hash). Revocation was checked when the envelope was accepted and is not checked again here; {@code
 * verify-store} re-checks the event store itself. Reads only the timeline read model.
 */
@Component
public class SignedTimeline {

    /**
     * What re-checking one event found.
     *
     * @param signatureValid the signature verifies and its signer's path reaches a trust anchor of the tenant
     * @param chainIntact the event's hash is recomputed from its bytes and links to the previous event's hash
     * @param signingTime the signing time the signer put in the signature (null when absent or unreadable)
     * @param problem what failed, in English, for the log and the officials' page (null when verified)
     */
    public record EventCheck(
            long sequence, boolean signatureValid, boolean chainIntact, Instant signingTime, String problem) {

        public boolean verified() {
            return signatureValid && chainIntact;
        }
    }

    /** One event with its check and its signed payload (null when the bytes are not JSON). */
    public record Event(TimelineEntry entry, EventCheck check, JsonNode payload) {}

    /** A dialogue's events in order; empty when there is no such dialogue in the tenant. */
    public record Timeline(List<Event> events) {

        public Timeline {
            events = List.copyOf(events);
        }

        public List<TimelineEntry> entries() {
            return events.stream().map(Event::entry).toList();
        }

        /** The checks by sequence number, as the timeline fragment takes them. */
        public Map<Long, EventCheck> checks() {
            Map<Long, EventCheck> checks = new LinkedHashMap<>();
            events.forEach(e -> checks.put(e.entry().sequence(), e.check()));
            return checks;
        }

        /** The signed payload of the last event of {@code eventType}, if any. */
        public Optional<JsonNode> lastPayload(String eventType) {
            for (int i = events.size() - 1; i >= 0; i--) {
                Event event = events.get(i);
                if (event.entry().eventType().equals(eventType) && event.payload() != null) {
                    return Optional.of(event.payload());
                }
            }
            return Optional.empty();
        }
    }

    private final DialogueTimelineQueries timeline;
    private final TrustAnchors anchors;
    private final ObjectMapper json;
    private final CmsSignatureVerifier cms = new CmsSignatureVerifier();

    private final SealedPayloads sealed;

    SignedTimeline(DialogueTimelineQueries timeline, TrustAnchors anchors, ObjectMapper json, SealedPayloads sealed) {
        this.sealed = sealed;
        this.timeline = timeline;
        this.anchors = anchors;
        this.json = json;
    }

    /** The events of one dialogue of {@code tenant}, each re-checked. */
    public Timeline read(String tenant, UUID dialogueId) {
        List<Event> events = new ArrayList<>();
        String previousHash = EvidenceChain.GENESIS;
        for (TimelineEntry entry : timeline.timeline(tenant, dialogueId)) {
            Optional<EventEvidence> evidence =
                    timeline.evidence(tenant, dialogueId, entry.sequence()).map(sealed::open);
            events.add(
                    evidence.isEmpty()
                            ? new Event(
                                    entry,
                                    new EventCheck(entry.sequence(), false, false, null, "the evidence is missing"),
                                    null)
                            : check(tenant, entry, evidence.get(), previousHash));
            previousHash = entry.hash();
        }
        return new Timeline(events);
    }

    private Event check(String tenant, TimelineEntry entry, EventEvidence evidence, String expectedPrevious) {
        List<String> problems = new ArrayList<>();
        boolean chainIntact = chainIntact(evidence, expectedPrevious, problems);
        byte[] payload;
        byte[] signature;
        try {
            // A sealed payload whose key is gone (erased) verifies by its digest; there is nothing to show.
            payload = evidence.sealed() ? null : Base64.getDecoder().decode(evidence.signedPayload());
            signature = Base64.getDecoder().decode(evidence.signature());
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add("the stored bytes are not base64");
            return new Event(
                    entry, new EventCheck(entry.sequence(), false, false, null, String.join("; ", problems)), null);
        }
        JsonNode signed = payload == null ? null : parse(payload);
        boolean signatureValid = false;
        Instant signingTime = null;
        try {
            VerificationResult result = cms.verify(
                    signature,
                    payload == null
                            ? vn.edialog.command.signature.SignedContent.sealed(
                                    java.util.HexFormat.of().parseHex(evidence.payloadSha256()))
                            : vn.edialog.command.signature.SignedContent.detached(payload),
                    VerificationContext.of(anchors.forTenant(tenant), signedAt(signed, entry))
                            .withUntrusted(certificates(evidence.chain())));
            signatureValid = result.valid();
            signingTime = result.signer() == null ? null : result.signer().signingTime();
            if (!result.valid()) {
                problems.add("signature: " + result.code() + ": " + result.detail());
            }
        } catch (CertificateException | IllegalArgumentException e) {
            problems.add("signature: the stored certificate chain is unreadable");
        }
        return new Event(
                entry,
                new EventCheck(
                        entry.sequence(),
                        signatureValid,
                        chainIntact,
                        signingTime,
                        problems.isEmpty() ? null : String.join("; ", problems)),
                signed);
    }

    private static boolean chainIntact(EventEvidence evidence, String expectedPrevious, List<String> problems) {
        if (!expectedPrevious.equals(evidence.previousHash())) {
            problems.add("hash chain: it does not link to the previous event");
            return false;
        }
        try {
            String hash = EvidenceChain.hash(
                    evidence.previousHash(),
                    new SignedPayload(
                            evidence.signedPayload(),
                            evidence.signature(),
                            evidence.chain(),
                            evidence.payloadSha256()));
            if (!hash.equals(evidence.hash())) {
                problems.add("hash chain: the hash does not match the signed bytes and signature");
                return false;
            }
            return true;
        } catch (IllegalArgumentException e) {
            problems.add("hash chain: " + e.getMessage());
            return false;
        }
    }

    /** The payload's own signing time: the path is judged as it was then, as {@code verify-store} does. */
    private static Instant signedAt(JsonNode payload, TimelineEntry entry) {
        if (payload != null && payload.path("signedAt").isTextual()) {
            try {
                return OffsetDateTime.parse(payload.path("signedAt").asText()).toInstant();
            } catch (DateTimeParseException e) {
                // fall back to the time the event was recorded
            }
        }
        return entry.at();
    }

    private JsonNode parse(byte[] payload) {
        try {
            JsonNode node = json.readTree(payload);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static List<X509Certificate> certificates(List<String> chain) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        for (String encoded : chain) {
            certificates.add((X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(Base64.getDecoder().decode(encoded))));
        }
        return certificates;
    }
}
