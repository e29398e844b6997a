package vn.edialog.app.operations.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import vn.edialog.command.dialogue.api.Evidence;
import vn.edialog.command.dialogue.api.EvidenceChain;
import vn.edialog.command.dialogue.api.SignedPayload;
import vn.edialog.command.serialization.SignedFields;
import vn.edialog.command.signature.CmsSignatureVerifier;
import vn.edialog.command.signature.SignedContent;
import vn.edialog.command.signature.VerificationContext;
import vn.edialog.command.timestamp.ArchiveRenewals;
import vn.edialog.command.timestamp.CadesSignatures;
import vn.edialog.command.timestamp.LongTermVerifier;

/**
 * Re-verifies the whole event store offline: for every stored event, in the order it was stored, the signature over
 * its signed bytes, that the event says what was signed, that it links to the previous event of its dialogue, and
 * that no event of a dialogue is missing. Reports the first break.
 */
public final class EventStoreVerifier {

    /** What shows a stored signature valid. */
    public enum Proof {
        /** Its certificate path is valid today. */
        CURRENT,
        /** Its certificate has expired (or its revocation data aged) since: its time-stamp proves it older. */
        TIME_STAMP,
        /** Its certificate has expired since and no time-stamp proves when it signed: only the time it signed. */
        SIGNED_TIME
    }

    /** A problem, or the proof that a signature verifies. */
    public record Verdict(String problem, Proof proof) {
        public static Verdict refused(String problem) {
            return new Verdict(problem, null);
        }
    }

    /**
     * Checks one signature over the signed bytes, with the signature-time-stamp kept beside it (null when it has none
     * yet). A sealed event (a confidential dialogue's) has no bytes here ({@code payload} null): its signature is
     * checked over {@code sealedSha256}, the payload's SHA-256 it keeps, at the time it was recorded.
     */
    @FunctionalInterface
    public interface SignatureCheck {
        Verdict check(
                byte[] payload,
                byte[] sealedSha256,
                byte[] signature,
                List<X509Certificate> chain,
                byte[] timeStampToken,
                Instant recordedAt);
    }

    /** Where the store first stops being trustworthy. */
    public record Break(long globalIndex, String dialogueId, long sequence, String eventType, String reason) {
        @Override
        public String toString() {
            return "event #" + globalIndex + " (dialogue " + dialogueId + ", sequence " + sequence + ", " + eventType
                    + "): " + reason;
        }
    }

    /**
     * The outcome: how much was verified, how many of those by their time-stamp or by their signed time alone (their
     * certificates having expired since), and the first break, if any.
     */
    public record Report(
            long events, int dialogues, long byTimeStamp, long bySignedTime, long sealed, Optional<Break> firstBreak) {
        public boolean intact() {
            return firstBreak.isEmpty();
        }
    }

    /**
     * The product's check of a stored signature, with the product's algorithm policy and the stored chain's path to
     * the trust anchors: valid today; or, once its certificate has expired, valid at the time its signature-time-stamp
     * proves (the token verified against {@code timeStampRoots} and the anchors); or, with no such proof, valid at the
     * time it says it was signed (the payload's signedAt), which acceptance checked. Revocation was checked when the
     * envelope was accepted and is not re-checked here.
     */
    public static SignatureCheck cmsCheck(Set<TrustAnchor> anchors, Set<TrustAnchor> timeStampRoots, Instant now) {
        return cmsCheck(anchors, timeStampRoots, now, ArchiveRenewals.none());
    }

    /** The same check, with the store's archive time-stamps carrying time-stamps past their authorities. */
    public static SignatureCheck cmsCheck(
            Set<TrustAnchor> anchors, Set<TrustAnchor> timeStampRoots, Instant now, ArchiveRenewals archive) {
        CmsSignatureVerifier cms = new CmsSignatureVerifier();
        LongTermVerifier longTerm = new LongTermVerifier(timeStampRoots, archive);
        ObjectMapper mapper = new ObjectMapper();
        return (payload, sealedSha256, signature, chain, token, recordedAt) -> {
            Instant signedAt = recordedAt;
            if (payload != null) {
                try {
                    signedAt = OffsetDateTime.parse(
                                    mapper.readTree(payload).path("signedAt").asText())
                            .toInstant();
                } catch (Exception e) {
                    return Verdict.refused("the signed payload has no readable signedAt");
                }
            }
            SignedContent content =
                    payload == null ? SignedContent.sealed(sealedSha256) : SignedContent.detached(payload);
            VerificationContext today = VerificationContext.of(anchors, now).withUntrusted(chain);
            LongTermVerifier.Outcome current = longTerm.outcome(stamped(signature, token), content, today);
            if (current.result().valid()) {
                return new Verdict(null, current.byTimeStamp() ? Proof.TIME_STAMP : Proof.CURRENT);
            }
            var result = cms.verify(signature, content, today.withAt(signedAt));
            return result.valid()
                    ? new Verdict(null, Proof.SIGNED_TIME)
                    : Verdict.refused(result.reason().code() + ": " + result.detail());
        };
    }

    /** The signature with its time-stamp as an unsigned attribute; as it is when the token is absent or unusable. */
    private static byte[] stamped(byte[] signature, byte[] token) {
        if (token == null) {
            return signature;
        }
        try {
            return CadesSignatures.extend(
                    signature, new TimeStampToken(new CMSSignedData(token)), List.of(), List.of());
        } catch (CMSException | TSPException | IOException | IllegalArgumentException e) {
            return signature; // the time-stamp audit names the unusable token
        }
    }

    private final ObjectMapper json;
    private final SignatureCheck signatures;

    public EventStoreVerifier(ObjectMapper json, SignatureCheck signatures) {
        this.json = json;
        this.signatures = signatures;
    }

    public Report verify(DataSource dataSource, LongConsumer progress) throws SQLException {
        record Tip(long sequence, String hash) {}
        Map<String, Tip> tips = new HashMap<>();
        long count = 0;
        long[] proofs = new long[Proof.values().length];
        long sealed = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // lets PostgreSQL stream the rows with the fetch size
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select e.globalindex, e.aggregateidentifier, e.sequencenumber, e.payloadtype, e.payload, t.token
                    from domainevententry e
                    left join signature_timestamp t
                        on t.dialogue_id::text = e.aggregateidentifier and t.sequence = e.sequencenumber
                    order by e.globalindex
                    """)) {
                query.setFetchSize(500);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long globalIndex = rows.getLong(1);
                        String dialogueId = rows.getString(2);
                        long sequence = rows.getLong(3);
                        String type = simpleName(rows.getString(4));
                        Tip tip = tips.get(dialogueId);
                        long expectedSequence = tip == null ? 0 : tip.sequence() + 1;
                        String previousHash = tip == null ? EvidenceChain.GENESIS : tip.hash();
                        Checked checked = sequence != expectedSequence
                                ? Checked.broken("expected sequence " + expectedSequence + ": an event is missing")
                                : check(dialogueId, previousHash, rows.getBytes(5), rows.getBytes(6));
                        if (checked.problem() != null) {
                            return new Report(
                                    count,
                                    tips.size(),
                                    proofs[Proof.TIME_STAMP.ordinal()],
                                    proofs[Proof.SIGNED_TIME.ordinal()],
                                    sealed,
                                    Optional.of(new Break(globalIndex, dialogueId, sequence, type, checked.problem())));
                        }
                        tips.put(dialogueId, new Tip(sequence, checked.hash()));
                        proofs[checked.proof().ordinal()]++;
                        if (checked.sealed()) {
                            sealed++;
                        }
                        count++;
                        if (progress != null) {
                            progress.accept(count);
                        }
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        return new Report(
                count,
                tips.size(),
                proofs[Proof.TIME_STAMP.ordinal()],
                proofs[Proof.SIGNED_TIME.ordinal()],
                sealed,
                Optional.empty());
    }

    private record Checked(String problem, String hash, Proof proof, boolean sealed) {
        static Checked broken(String problem) {
            return new Checked(problem, null, null, false);
        }
    }

    private Checked check(String dialogueId, String previousHash, byte[] storedEvent, byte[] timeStampToken) {
        JsonNode event;
        Evidence evidence;
        try {
            event = json.readTree(storedEvent);
            evidence = json.treeToValue(event.get("evidence"), Evidence.class);
        } catch (Exception e) {
            return Checked.broken("the stored event has no readable evidence: " + e.getMessage());
        }
        if (evidence == null || evidence.signed() == null) {
            return Checked.broken("the stored event has no evidence");
        }
        if (!previousHash.equals(evidence.previousHash())) {
            return Checked.broken("it does not link to the previous event of its dialogue");
        }
        String hash;
        try {
            hash = EvidenceChain.hash(previousHash, evidence.signed());
        } catch (IllegalArgumentException e) {
            return Checked.broken("its evidence is malformed: " + e.getMessage());
        }
        if (!hash.equals(evidence.hash())) {
            return Checked.broken("its chain hash does not match its signed bytes and signature");
        }
        SignedPayload signed = evidence.signed();
        byte[] payloadBytes = signed.sealed() ? null : Base64.getDecoder().decode(signed.payload());
        byte[] signature = Base64.getDecoder().decode(signed.signature());
        List<X509Certificate> chain;
        try {
            chain = certificates(signed.chain());
        } catch (CertificateException e) {
            return Checked.broken("its certificate chain is unreadable: " + e.getMessage());
        }
        Instant recordedAt;
        try {
            recordedAt = Instant.parse(event.path("at").asText());
        } catch (RuntimeException e) {
            return Checked.broken("it has no readable time");
        }
        Verdict verdict = signatures.check(
                payloadBytes,
                signed.sealed() ? HexFormat.of().parseHex(signed.payloadSha256()) : null,
                signature,
                chain,
                timeStampToken,
                recordedAt);
        if (verdict.problem() != null) {
            return Checked.broken("its signature does not verify: " + verdict.problem());
        }
        if (signed.sealed()) {
            // The payload is encrypted elsewhere: the signature and the chain cover its digest, which is all there is.
            return new Checked(null, hash, verdict.proof(), true);
        }
        JsonNode payload;
        try {
            payload = json.readTree(payloadBytes);
        } catch (Exception e) {
            return Checked.broken("its signed bytes are not JSON");
        }
        if (!dialogueId.equals(payload.path("dialogueId").asText())) {
            return Checked.broken(
                    "it was signed for dialogue " + payload.path("dialogueId").asText());
        }
        Optional<String> mismatch = SignedFields.firstMismatch(payload, event);
        if (mismatch.isPresent()) {
            return Checked.broken("its field '" + mismatch.get() + "' differs from what was signed");
        }
        return new Checked(null, hash, verdict.proof(), false);
    }

    private static List<X509Certificate> certificates(List<String> chain) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        for (String encoded : chain == null ? List.<String>of() : chain) {
            certificates.add((X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(Base64.getDecoder().decode(encoded))));
        }
        return certificates;
    }

    private static String simpleName(String payloadType) {
        return payloadType == null ? "?" : payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
