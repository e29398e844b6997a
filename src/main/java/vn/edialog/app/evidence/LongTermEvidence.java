package vn.edialog.app.evidence;

import java.io.ByteArrayInputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.edialog.command.timestamp.CadesSignatures;

/**
 * A stored signature with the evidence kept beside it (ADR 016): its signature-time-stamp and the certificate and
 * revocation values captured after it, assembled into the CAdES signature a validator reads: BASELINE-LT when the
 * values are captured, -T when only stamped, -B (the signature as received) before.
 */
@Component
public class LongTermEvidence {

    /** A signature at its CAdES level. */
    public record Signature(byte[] cms, String level) {}

    private final JdbcClient jdbc;

    LongTermEvidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The inclusion proof of the event in an anchor of the chain heads, once it is anchored. */
    public Optional<ChainAnchors.Proof> anchorProof(UUID dialogueId, long sequence) {
        return ChainAnchors.proof(jdbc, dialogueId, sequence);
    }

    /** {@code signatureBase64} (the stored CMS of event {@code sequence} of {@code dialogueId}) with its evidence. */
    public Signature of(UUID dialogueId, long sequence, String signatureBase64) {
        byte[] cms = Base64.getDecoder().decode(signatureBase64);
        Optional<byte[]> token = jdbc.sql(
                        "select token from signature_timestamp where dialogue_id = :id and sequence = :seq"
                                + " and token is not null")
                .param("id", dialogueId)
                .param("seq", sequence)
                .query(byte[].class)
                .optional();
        if (token.isEmpty()) {
            return new Signature(cms, "CAdES-BASELINE-B");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            jdbc.sql(
                            """
                            select v.kind, v.der from signature_validation_value l
                            join validation_value v on v.sha256 = l.sha256
                            where l.dialogue_id = :id and l.sequence = :seq
                            order by v.kind, v.captured_at, v.sha256
                            """)
                    .param("id", dialogueId)
                    .param("seq", sequence)
                    .query(row -> {
                        try {
                            var in = new ByteArrayInputStream(row.getBytes("der"));
                            if ("crl".equals(row.getString("kind"))) {
                                crls.add((X509CRL) factory.generateCRL(in));
                            } else {
                                certificates.add((X509Certificate) factory.generateCertificate(in));
                            }
                        } catch (CertificateException | CRLException e) {
                            throw new IllegalStateException("an unreadable validation value", e);
                        }
                    });
            byte[] extended =
                    CadesSignatures.extend(cms, new TimeStampToken(new CMSSignedData(token.get())), certificates, crls);
            return new Signature(extended, crls.isEmpty() ? "CAdES-BASELINE-T" : "CAdES-BASELINE-LT");
        } catch (Exception e) {
            // Evidence that cannot be assembled never hides the signature itself; verify-store names the row.
            return new Signature(cms, "CAdES-BASELINE-B");
        }
    }
}
