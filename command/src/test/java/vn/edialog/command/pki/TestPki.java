package vn.edialog.command.pki;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bouncycastle.asn1.x509.KeyUsage;
import vn.edialog.command.signature.CrlSource;
import vn.edialog.command.signature.EnvelopeVerifier;
import vn.edialog.command.signature.SignaturePolicy;

/**
 * The tests' PKI: the {@linkplain GeneratedPki demo PKI} plus the leaves that must be refused (expired, not yet valid,
 * revoked, without signing key usage, RSA-1024, SHA-1 signed), free issuing and revoking, and a verifier trusting it;
 * thread-safe. Lives in command's test-jar so that no such certificate can be made by the product. Create with
 * {@link #generate} or use {@link #shared()}.
 */
public final class TestPki extends GeneratedPki {

    private static volatile TestPki shared;

    private final Credential expired;
    private final Credential notYetValid;
    private final Credential revoked;
    private final Credential keyEnciphermentOnly;
    private Credential rsa1024;
    private Credential sha1Signed;

    private TestPki(URI crlBase, Clock clock) {
        super(crlBase, clock);
        Instant now = created();
        Instant from = now.minus(Duration.ofDays(1));
        Instant leafEnd = now.plus(Duration.ofDays(730));
        expired = issue(
                publicCa(),
                "Công ty TNHH Hết Hạn",
                "Công ty TNHH Hết Hạn",
                "MST:0100000001",
                PkiFactory.keyPair(KeyKind.EC_P256),
                now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(30)),
                SIGNING,
                null);
        notYetValid = issue(
                publicCa(),
                "Công ty TNHH Chưa Hiệu Lực",
                "Công ty TNHH Chưa Hiệu Lực",
                "MST:0100000002",
                PkiFactory.keyPair(KeyKind.EC_P256),
                now.plus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(400)),
                SIGNING,
                null);
        revoked = issue(
                publicCa(),
                "Trần Văn Bị Thu Hồi",
                null,
                "CCCD:001099000001",
                PkiFactory.keyPair(KeyKind.EC_P256),
                from,
                leafEnd,
                SIGNING,
                null);
        keyEnciphermentOnly = issue(
                publicCa(),
                "Công ty TNHH Chỉ Mã Hóa",
                "Công ty TNHH Chỉ Mã Hóa",
                "MST:0100000003",
                PkiFactory.keyPair(KeyKind.EC_P256),
                from,
                leafEnd,
                KeyUsage.keyEncipherment,
                null);
        revoke(revoked.certificate(), now.minus(Duration.ofHours(1)));
    }

    /** Generates a fresh test PKI valid around the system time, CRL distribution points under {@code crlBase}. */
    public static TestPki generate(URI crlBase) {
        return generate(crlBase, Clock.systemUTC());
    }

    /** Generates a fresh test PKI valid around {@code clock.instant()}. */
    public static TestPki generate(URI crlBase, Clock clock) {
        return new TestPki(crlBase, clock);
    }

    /** A lazily created PKI shared by the whole JVM; CRL base from system property "edialog.pki.crl-base"
     * (default http://localhost:8080). */
    public static TestPki shared() {
        TestPki p = shared;
        if (p == null) {
            synchronized (TestPki.class) {
                p = shared;
                if (p == null) {
                    p = generate(URI.create(System.getProperty("edialog.pki.crl-base", "http://localhost:8080")));
                    shared = p;
                }
            }
        }
        return p;
    }

    // ---------------------------------------------------------------- issuing

    /** A new EC P-256 business certificate (public CA) with UID MST:{@code mst}; O = CN = {@code name}. */
    public Credential issueBusiness(String mst, String name) {
        return issueBusiness(mst, name, KeyKind.EC_P256);
    }

    /** A new business certificate with the given key kind. */
    public Credential issueBusiness(String mst, String name, KeyKind kind) {
        return issueBusiness(mst, name, PkiFactory.keyPair(kind));
    }

    private Credential issueBusiness(String mst, String name, KeyPair keys) {
        return issue(publicCa(), name, name, "MST:" + mst, keys, leafStart(), leafEnd(), SIGNING, null);
    }

    /** A new EC P-256 citizen certificate (public CA) with UID CCCD:{@code cccd}. */
    public Credential issueCitizen(String cccd, String name) {
        return issue(
                publicCa(),
                name,
                null,
                "CCCD:" + cccd,
                PkiFactory.keyPair(KeyKind.EC_P256),
                leafStart(),
                leafEnd(),
                SIGNING,
                null);
    }

    /** A leaf with free subject fields ({@code uid} may be null), key, key usage and signature algorithm (null =
     * default), issued by the public CA ({@code official} false) or the official-duty CA. */
    public Credential issueCustom(
            boolean official, String cn, String o, String uid, KeyKind kind, int keyUsage, String signatureAlgorithm) {
        return issue(
                official ? officialCa() : publicCa(),
                cn,
                o,
                uid,
                PkiFactory.keyPair(kind),
                leafStart(),
                leafEnd(),
                keyUsage,
                signatureAlgorithm);
    }

    /** Revokes a certificate issued by one of the CAs and re-issues that CA's CRL. */
    public void revoke(X509Certificate certificate) {
        revoke(certificate, clock().instant().minusSeconds(1));
    }

    // ---------------------------------------------------------------- leaves to refuse

    /** Expired 30 days ago. */
    public Credential expired() {
        return expired;
    }

    /** Valid from 30 days in the future. */
    public Credential notYetValid() {
        return notYetValid;
    }

    /** Listed in the public CA's CRL. */
    public Credential revoked() {
        return revoked;
    }

    /** Key usage keyEncipherment only (no digitalSignature / nonRepudiation). */
    public Credential keyEnciphermentOnly() {
        return keyEnciphermentOnly;
    }

    /** A business certificate with an RSA-1024 key (made on first use). */
    public synchronized Credential rsa1024() {
        if (rsa1024 == null) {
            rsa1024 = issueBusiness("0100000004", "Công ty TNHH Khóa Yếu", rsa1024Keys());
        }
        return rsa1024;
    }

    private static KeyPair rsa1024Keys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", PkiFactory.BC);
            g.initialize(1024, new SecureRandom());
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An agency certificate signed by the official-duty CA with SHA1withRSA (made on first use). */
    public synchronized Credential sha1Signed() {
        if (sha1Signed == null) {
            sha1Signed = issue(
                    officialCa(),
                    "Phòng Thử nghiệm SHA-1",
                    "Phòng Thử nghiệm SHA-1",
                    "MNS:7654321",
                    PkiFactory.keyPair(KeyKind.EC_P256),
                    leafStart(),
                    leafEnd(),
                    SIGNING,
                    "SHA1withRSA");
        }
        return sha1Signed;
    }

    // ---------------------------------------------------------------- verifying

    /** A CRL source over the current CRLs (reflects later {@link #revoke} calls). */
    public CrlSource crlSource() {
        return (uri, issuer) -> CrlSource.of(crls()).crlFor(uri, issuer);
    }

    /** An envelope verifier trusting this PKI's root, with its CRLs, default policy and {@code clock}. */
    public EnvelopeVerifier envelopeVerifier(Clock verifierClock) {
        return new EnvelopeVerifier(SignaturePolicy.defaults(), trustAnchors(), crlSource(), verifierClock);
    }

    // ---------------------------------------------------------------- export

    /** The demo's leaves and the leaves to refuse: expired, not-yet-valid, revoked, key-encipherment-only. */
    @Override
    protected Map<String, Credential> namedLeaves() {
        Map<String, Credential> leaves = super.namedLeaves();
        leaves.put("expired", expired);
        leaves.put("not-yet-valid", notYetValid);
        leaves.put("revoked", revoked);
        leaves.put("key-encipherment-only", keyEnciphermentOnly);
        return leaves;
    }
}
