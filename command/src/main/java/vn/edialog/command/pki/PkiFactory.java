package vn.edialog.command.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * Generates the demo PKI ({@link GeneratedPki}) with Bouncy Castle: an EC P-384 root, an EC P-256 "public CA"
 * (businesses, citizens), an RSA-3072 "official-duty CA" (agencies, system), leaves with Vietnamese subjects and UID
 * identities, and CRLs; each CA publishes its CRL at {@code <crlBase>/pki/crl/<name>.crl}.
 */
public final class PkiFactory {

    static final Provider BC;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int P12_ITERATIONS = 10_000;

    static {
        Provider p = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (p == null) {
            p = new BouncyCastleProvider();
            Security.addProvider(p);
        }
        BC = p;
    }

    private PkiFactory() {}

    /** Generates a fresh PKI valid around the system time, CRL distribution points under {@code crlBase}. */
    public static GeneratedPki generate(URI crlBase) {
        return generate(crlBase, Clock.systemUTC());
    }

    /** Generates a fresh PKI valid around {@code clock.instant()}. */
    public static GeneratedPki generate(URI crlBase, Clock clock) {
        return new GeneratedPki(crlBase, clock);
    }

    /** Generates a key pair of the given kind. */
    public static KeyPair keyPair(KeyKind kind) {
        try {
            return switch (kind) {
                case EC_P256 -> ec("secp256r1");
                case EC_P384 -> ec("secp384r1");
                case RSA_2048 -> rsa(2048);
                case RSA_3072 -> rsa(3072);
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
        g.initialize(new ECGenParameterSpec(curve), RANDOM);
        return g.generateKeyPair();
    }

    private static KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", BC);
        g.initialize(bits, RANDOM);
        return g.generateKeyPair();
    }

    /**
     * The signature algorithm of a CA's certificates and CRLs: RSASSA-PSS (SHA-256, MGF1) for an RSA key, as Circular
     * 15/2025 asks of new signatures (validators deem RSA PKCS#1 v1.5 unreliable from 2029), SHA256withECDSA or
     * SHA384withECDSA for an EC key.
     */
    static String algorithmFor(PrivateKey key, PublicKey pub) {
        if ("RSA".equals(key.getAlgorithm())) {
            return "SHA256withRSAandMGF1";
        }
        int bits = ((java.security.interfaces.ECKey) pub)
                .getParams()
                .getCurve()
                .getField()
                .getFieldSize();
        return bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
    }

    /** A subject name C=VN, [O], CN, [UID]; values are UTF8String so diacritics survive. */
    public static X500Name subject(String commonName, String organization, String uid) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        b.addRDN(BCStyle.C, "VN");
        if (organization != null) {
            b.addRDN(BCStyle.O, organization);
        }
        b.addRDN(BCStyle.CN, commonName);
        if (uid != null) {
            b.addRDN(BCStyle.UID, uid);
        }
        return b.build();
    }

    /**
     * A time-stamping authority's credential issued by {@code ca}: EC P-256, key usage digitalSignature and
     * nonRepudiation, and the critical extended key usage id-kp-timeStamping alone (RFC 3161, 2.3).
     */
    public static Credential timeStamping(Credential ca, URI crlDistributionPoint, Instant from, Instant to) {
        return leaf(
                ca,
                subject("eDialog Demo Time-Stamping Authority", "Hệ thống eDialog", null),
                from,
                to,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                crlDistributionPoint,
                KeyPurposeId.id_kp_timeStamping);
    }

    /**
     * An agency's encryption credential issued by {@code ca}: EC P-256 with the key usage keyAgreement alone, for the
     * data keys of confidential dialogues (ECDH key agreement); never a signing key.
     */
    public static Credential encryption(
            Credential ca, String name, String uid, URI crlDistributionPoint, Instant from, Instant to) {
        return leaf(ca, subject(name, name, uid), from, to, KeyUsage.keyAgreement, crlDistributionPoint, null);
    }

    /** A new EC P-256 leaf issued by {@code ca}, its chain the leaf then the CA's chain. */
    private static Credential leaf(
            Credential ca,
            X500Name subject,
            Instant from,
            Instant to,
            int keyUsage,
            URI crlDistributionPoint,
            KeyPurposeId extendedKeyUsage) {
        KeyPair keys = keyPair(KeyKind.EC_P256);
        X509Certificate certificate = certificate(
                new Spec(
                        subject,
                        keys.getPublic(),
                        from,
                        to,
                        false,
                        keyUsage,
                        crlDistributionPoint,
                        null,
                        extendedKeyUsage),
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                ca.privateKey(),
                ca.certificate().getPublicKey());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(ca.chain());
        return new Credential(keys.getPrivate(), certificate, chain);
    }

    /** What to put into a certificate. */
    record Spec(
            X500Name subject,
            PublicKey publicKey,
            Instant notBefore,
            Instant notAfter,
            boolean ca,
            int keyUsage,
            URI crlDistributionPoint,
            String signatureAlgorithm,
            KeyPurposeId extendedKeyUsage) {}

    static X509Certificate certificate(Spec spec, X500Name issuerName, PrivateKey issuerKey, PublicKey issuerPublic) {
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    issuerName,
                    new BigInteger(127, RANDOM).setBit(120),
                    Date.from(spec.notBefore()),
                    Date.from(spec.notAfter()),
                    spec.subject(),
                    spec.publicKey());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(
                    Extension.basicConstraints,
                    spec.ca(),
                    spec.ca()
                            ? (spec.subject().equals(issuerName) ? new BasicConstraints(true) : new BasicConstraints(0))
                            : new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(spec.keyUsage()));
            if (spec.extendedKeyUsage() != null) {
                // Critical and alone, as RFC 3161 (2.3) requires of a time-stamping certificate.
                b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(spec.extendedKeyUsage()));
            }
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(spec.publicKey()));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerPublic));
            if (spec.crlDistributionPoint() != null) {
                GeneralNames names = new GeneralNames(new GeneralName(
                        GeneralName.uniformResourceIdentifier,
                        spec.crlDistributionPoint().toString()));
                b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(names), null, null)
                }));
            }
            String alg = spec.signatureAlgorithm() != null
                    ? spec.signatureAlgorithm()
                    : algorithmFor(issuerKey, issuerPublic);
            ContentSigner signer =
                    new JcaContentSignerBuilder(alg).setProvider(BC).build(issuerKey);
            return new JcaX509CertificateConverter().setProvider(BC).getCertificate(b.build(signer));
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException | IOException e) {
            throw new IllegalStateException("certificate generation failed", e);
        }
    }

    /** A CRL of {@code ca} listing {@code revoked} (serial → revocation time). */
    static X509CRL crl(
            Credential ca, Map<BigInteger, Instant> revoked, Instant thisUpdate, Instant nextUpdate, long number) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(
                    X500Name.getInstance(
                            ca.certificate().getSubjectX500Principal().getEncoded()),
                    Date.from(thisUpdate));
            b.setNextUpdate(Date.from(nextUpdate));
            for (Map.Entry<BigInteger, Instant> e : revoked.entrySet()) {
                b.addCRLEntry(e.getKey(), Date.from(e.getValue()), CRLReason.keyCompromise);
            }
            b.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils()
                            .createAuthorityKeyIdentifier(ca.certificate().getPublicKey()));
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            ContentSigner signer = new JcaContentSignerBuilder(
                            algorithmFor(ca.privateKey(), ca.certificate().getPublicKey()))
                    .setProvider(BC)
                    .build(ca.privateKey());
            X509CRLHolder holder = b.build(signer);
            return new JcaX509CRLConverter().setProvider(BC).getCRL(holder);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException | IOException e) {
            throw new IllegalStateException("CRL generation failed", e);
        }
    }

    /** PKCS#12 with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) for key and certificates, HMAC-SHA256 MAC. */
    static byte[] pkcs12(Credential credential, char[] password) {
        try {
            OutputEncryptor encryptor = new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                    .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                    .setIterationCount(P12_ITERATIONS)
                    .setProvider(BC)
                    .build(password);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            String friendly = friendlyName(credential.certificate());
            List<PKCS12SafeBag> certBags = new ArrayList<>();
            for (int i = 0; i < credential.chain().size(); i++) {
                X509Certificate c = credential.chain().get(i);
                PKCS12SafeBagBuilder cb = new JcaPKCS12SafeBagBuilder(c);
                if (i == 0) {
                    cb.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendly));
                    cb.addBagAttribute(
                            PKCSObjectIdentifiers.pkcs_9_at_localKeyId,
                            ext.createSubjectKeyIdentifier(c.getPublicKey()));
                }
                certBags.add(cb.build());
            }
            PKCS12SafeBagBuilder kb = new JcaPKCS12SafeBagBuilder(credential.privateKey(), encryptor);
            kb.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendly));
            kb.addBagAttribute(
                    PKCSObjectIdentifiers.pkcs_9_at_localKeyId,
                    ext.createSubjectKeyIdentifier(credential.certificate().getPublicKey()));
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(encryptor, certBags.toArray(new PKCS12SafeBag[0]));
            pfx.addData(kb.build());
            return pfx.build(
                            new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
                                    .setIterationCount(P12_ITERATIONS)
                                    .setProvider(BC),
                            password)
                    .getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException
                | org.bouncycastle.operator.OperatorCreationException
                | org.bouncycastle.pkcs.PKCSException
                | IOException e) {
            throw new IllegalStateException("PKCS#12 generation failed", e);
        }
    }

    private static String friendlyName(X509Certificate c) {
        X500Name n = X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
        var cn = n.getRDNs(BCStyle.CN);
        return cn.length > 0 ? cn[0].getFirst().getValue().toString() : "key";
    }
}
