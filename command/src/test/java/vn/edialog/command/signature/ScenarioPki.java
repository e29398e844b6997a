package vn.edialog.command.signature;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.edialog.command.pki.KeyKind;
import vn.edialog.command.pki.PkiFactory;

/**
 * Small PKIs for the path validation scenarios, made with Bouncy Castle like the project's {@code TestPki}: CAs and
 * leaves with any extension (self-issued rollover certificates, separate CRL-signing certificates, distribution
 * points with cRLIssuer, inherited DSA parameters) and CRLs with any extension (issuingDistributionPoint, delta
 * indicators, certificateIssuer entries). Everything is valid around {@link #NOW}.
 */
final class ScenarioPki {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final int CA_USAGE = KeyUsage.keyCertSign | KeyUsage.cRLSign;
    static final int SIGNING = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private ScenarioPki() {}

    /** Adds extensions to a certificate being built. */
    @FunctionalInterface
    interface CertificateExtensions {
        void add(X509v3CertificateBuilder builder) throws Exception;
    }

    /** Adds entries and extensions to a CRL being built. */
    @FunctionalInterface
    interface CrlContent {
        void add(X509v2CRLBuilder builder) throws Exception;
    }

    /** A certificate with the key pair it certifies (the private key signs what it issues). */
    record Issued(X509Certificate certificate, KeyPair keys) {
        X500Name name() {
            return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        }

        BigInteger serial() {
            return certificate.getSerialNumber();
        }
    }

    static X500Name name(String cn) {
        return PkiFactory.subject(cn, "Kịch bản kiểm tra đường dẫn", null);
    }

    static KeyPair ec() {
        return PkiFactory.keyPair(KeyKind.EC_P256);
    }

    static Issued root(String cn) {
        KeyPair keys = ec();
        X500Name name = name(cn);
        return new Issued(
                certificate(name, spki(keys.getPublic()), name, keys.getPrivate(), true, CA_USAGE, b -> {}), keys);
    }

    /** A CA certificate for {@code keys} named {@code subject}, issued by {@code issuer}. */
    static Issued ca(X500Name subject, KeyPair keys, Issued issuer, int keyUsage, CertificateExtensions ext) {
        return new Issued(
                certificate(
                        subject,
                        spki(keys.getPublic()),
                        issuer.name(),
                        issuer.keys().getPrivate(),
                        true,
                        keyUsage,
                        ext),
                keys);
    }

    static Issued ca(String cn, Issued issuer) {
        return ca(name(cn), ec(), issuer, CA_USAGE, b -> {});
    }

    static Issued leaf(String cn, Issued issuer, CertificateExtensions ext) {
        KeyPair keys = ec();
        return new Issued(
                certificate(
                        name(cn),
                        spki(keys.getPublic()),
                        issuer.name(),
                        issuer.keys().getPrivate(),
                        false,
                        SIGNING,
                        ext),
                keys);
    }

    static SubjectPublicKeyInfo spki(PublicKey key) {
        return SubjectPublicKeyInfo.getInstance(key.getEncoded());
    }

    static X509Certificate certificate(
            X500Name subject,
            SubjectPublicKeyInfo key,
            X500Name issuer,
            PrivateKey signer,
            boolean ca,
            int keyUsage,
            CertificateExtensions ext) {
        try {
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(
                    issuer,
                    BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(NOW.minus(Duration.ofDays(1))),
                    Date.from(NOW.plus(Duration.ofDays(365))),
                    subject,
                    key);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            b.addExtension(
                    Extension.subjectKeyIdentifier, false, new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key));
            ext.add(b);
            return new JcaX509CertificateConverter()
                    .setProvider(Bc.PROVIDER)
                    .getCertificate(b.build(new JcaContentSignerBuilder(algorithm(signer))
                            .setProvider(Bc.PROVIDER)
                            .build(signer)));
        } catch (Exception e) {
            throw new IllegalStateException("certificate generation failed", e);
        }
    }

    /**
     * A CRL issued and signed by {@code signer} (its authority key identifier names the signer's key, which delta CRL
     * processing needs), number {@code number}, entries and extensions by {@code body}.
     */
    static X509CRL crl(Issued signer, long number, CrlContent body) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(signer.name(), Date.from(NOW.minus(Duration.ofHours(1))));
            b.setNextUpdate(Date.from(NOW.plus(Duration.ofDays(7))));
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            b.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils()
                            .createAuthorityKeyIdentifier(signer.certificate().getPublicKey()));
            body.add(b);
            return new JcaX509CRLConverter()
                    .setProvider(Bc.PROVIDER)
                    .getCRL(b.build(
                            new JcaContentSignerBuilder(algorithm(signer.keys().getPrivate()))
                                    .setProvider(Bc.PROVIDER)
                                    .build(signer.keys().getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("CRL generation failed", e);
        }
    }

    /** The CRL of {@code ca} listing nothing. */
    static X509CRL emptyCrl(Issued ca) {
        return crl(ca, 1, b -> {});
    }

    static Date revokedAt() {
        return Date.from(NOW.minus(Duration.ofHours(2)));
    }

    static KeyPair dsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("DSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String algorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "DSA" -> "SHA256withDSA";
            case "RSA" -> "SHA256withRSA";
            default -> "SHA256withECDSA";
        };
    }
}
