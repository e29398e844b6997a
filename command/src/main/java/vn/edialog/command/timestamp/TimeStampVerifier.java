package vn.edialog.command.timestamp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampToken;
import vn.edialog.command.signature.CertificatePathChecker;
import vn.edialog.command.signature.Profile;
import vn.edialog.command.signature.VerificationResult;

/**
 * Checks that a time-stamp token proves its data existed at its time: the message imprint is the data's digest (SHA-256
 * or stronger), the token's signature verifies with the certificate it names (ESSCertID), that certificate is a
 * time-stamping one (critical id-kp-timeStamping alone) valid at the token's time, and its path leads to one of the
 * trusted roots at that time. Revocation of the authority's certificate is not checked here: long-term validation
 * captures it with the signature it proves (ADR 016).
 */
public final class TimeStampVerifier {

    static final Provider BC = new BouncyCastleProvider();

    static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private final Set<TrustAnchor> anchors;
    private final CertificatePathChecker paths = new CertificatePathChecker();

    public TimeStampVerifier(Set<TrustAnchor> anchors) {
        this.anchors = Set.copyOf(anchors);
    }

    /** The facts {@code token} proves about {@code data}; a {@link TimeStampRefusal} says why it proves nothing. */
    public TimeStampFacts verify(TimeStampToken token, byte[] data) {
        var info = token.getTimeStampInfo();
        String digest = DIGESTS.get(info.getMessageImprintAlgOID());
        if (digest == null) {
            throw new TimeStampRefusal("the token's imprint algorithm " + info.getMessageImprintAlgOID()
                    + " is not SHA-256, SHA-384 or SHA-512");
        }
        if (!MessageDigest.isEqual(digest(digest, data), info.getMessageImprintDigest())) {
            throw new TimeStampRefusal(
                    "the token time-stamps other data: its imprint is not the " + digest + " of these bytes");
        }
        X509CertificateHolder signer = signer(token);
        try {
            token.validate(
                    new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(signer));
        } catch (TSPValidationException e) {
            throw new TimeStampRefusal("the token does not verify: " + e.getMessage(), e);
        } catch (TSPException | OperatorCreationException | CertificateException e) {
            throw new TimeStampRefusal("the token cannot be checked: " + e.getMessage(), e);
        }
        Instant time = info.getGenTime().toInstant();
        X509Certificate authority = certificate(signer);
        List<X509Certificate> others = new ArrayList<>();
        for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
            if (!holder.equals(signer)) {
                others.add(certificate(holder));
            }
        }
        VerificationResult path = paths.check(authority, others, anchors, List.of(), time, Profile.RFC5280);
        if (!path.valid()) {
            throw new TimeStampRefusal("the time-stamping authority "
                    + authority.getSubjectX500Principal().getName() + " is not trusted at " + time + ": "
                    + path.detail());
        }
        return new TimeStampFacts(
                time,
                info.getSerialNumber(),
                info.getPolicy() == null ? null : info.getPolicy().getId(),
                authority.getSubjectX500Principal().getName(),
                digest,
                authority.getNotAfter().toInstant());
    }

    private static X509CertificateHolder signer(TimeStampToken token) {
        @SuppressWarnings("unchecked")
        var matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            throw new TimeStampRefusal(
                    "the token does not carry its authority's certificate (request it with certReq)");
        }
        return (X509CertificateHolder) matches.iterator().next();
    }

    private static X509Certificate certificate(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);
        } catch (CertificateException e) {
            throw new TimeStampRefusal("the token carries a certificate that does not parse", e);
        }
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
