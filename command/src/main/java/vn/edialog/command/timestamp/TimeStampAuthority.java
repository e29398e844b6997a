package vn.edialog.command.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import vn.edialog.command.pki.Credential;

/**
 * An RFC 3161 time-stamping authority: answers a DER {@code TimeStampReq} with a DER {@code TimeStampResp}. It grants
 * requests whose message imprint is SHA-256, SHA-384 or SHA-512 and that ask for its policy or none, and rejects any
 * other with the reason RFC 3161 names (badAlg, unacceptedPolicy, badDataFormat). Tokens are signed with ECDSA for an
 * EC key and RSASSA-PSS for an RSA key (never PKCS#1 v1.5, which Circular 15/2025 retires for new signatures), identify
 * the certificate by ESSCertIDv2 (SHA-256), carry the chain when the request asks for it, and have random 127-bit
 * serial numbers, so that nodes never collide.
 */
public final class TimeStampAuthority {

    /**
     * The demo authority's policy: an OID of the UUID arc (2.25, ITU-T X.667), which needs no registration. A real
     * authority publishes its own.
     */
    public static final ASN1ObjectIdentifier DEMO_POLICY =
            new ASN1ObjectIdentifier("2.25.170063745516249240218301984607700445439");

    /** The imprint algorithms granted. */
    public static final Set<ASN1ObjectIdentifier> ALGORITHMS =
            Set.of(NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeStampResponseGenerator responses;
    private final Clock clock;

    public TimeStampAuthority(Credential credential, ASN1ObjectIdentifier policy, Clock clock) {
        this.clock = clock;
        try {
            X509Certificate certificate = credential.certificate();
            String algorithm =
                    "EC".equals(credential.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSAandMGF1";
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder()
                            .setProvider(TimeStampVerifier.BC)
                            .build(algorithm, credential.privateKey(), certificate),
                    new JcaDigestCalculatorProviderBuilder()
                            .build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    policy);
            tokens.setAccuracySeconds(1);
            // The chain without its root: a verifier has the root as its trust anchor.
            List<X509Certificate> chain = credential.chain();
            tokens.addCertificates(new JcaCertStore(chain.size() > 1 ? chain.subList(0, chain.size() - 1) : chain));
            this.responses = new TimeStampResponseGenerator(tokens, ALGORITHMS, Set.of(policy));
        } catch (GeneralSecurityException | OperatorCreationException | TSPException e) {
            throw new IllegalStateException("Cannot make a time-stamping authority of " + credential, e);
        }
    }

    /** The response to a DER time-stamp request: granted, or rejected with its reason; never an exception. */
    public byte[] respond(byte[] request) {
        try {
            TimeStampRequest parsed;
            try {
                parsed = new TimeStampRequest(request);
            } catch (IOException | RuntimeException malformed) {
                return responses
                        .generateFailResponse(
                                PKIStatus.REJECTION,
                                PKIFailureInfo.badDataFormat,
                                "not a DER TimeStampReq: " + malformed.getMessage())
                        .getEncoded();
            }
            TimeStampResponse response =
                    responses.generate(parsed, new BigInteger(127, RANDOM), Date.from(clock.instant()));
            return response.getEncoded();
        } catch (TSPException | IOException e) {
            // generate() answers a bad request with a rejection; what remains is the signer failing.
            return failure(e);
        }
    }

    private byte[] failure(Exception cause) {
        try {
            return responses
                    .generateFailResponse(
                            PKIStatus.REJECTION,
                            PKIFailureInfo.systemFailure,
                            "the time-stamping authority failed: " + cause.getMessage())
                    .getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("Cannot even encode a failure response", e);
        }
    }
}
