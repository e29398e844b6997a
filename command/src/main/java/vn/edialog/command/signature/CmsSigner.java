package vn.edialog.command.signature;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.Hashtable;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Produces detached CAdES-BES SignedData (content-type, message-digest, signing-time, signing-certificate-v2 with
 * SHA-256) embedding the chain without its self-signed root: SHA256withRSA for RSA keys, SHA256withECDSA for EC keys.
 * Thread-safe.
 */
public final class CmsSigner {

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final String algorithm;
    private final Provider provider;
    private final Clock clock;
    private final Attribute signingCertificate;
    private final JcaCertStore certStore;

    /** Signs with {@code key}; {@code chain} starts with the signer certificate. */
    public CmsSigner(PrivateKey key, List<X509Certificate> chain) {
        this(key, chain, defaultAlgorithm(key), null, Clock.systemUTC());
    }

    /**
     * Full control: signature algorithm name (e.g. "SHA384withECDSA", "SHA256withRSAandMGF1" for PSS,
     * "SHA3-256withECDSA"), the provider holding the key (null = Bouncy Castle, e.g. the SunPKCS11 instance for a
     * token key) and the clock for the signing-time attribute.
     */
    public CmsSigner(PrivateKey key, List<X509Certificate> chain, String algorithm, Provider provider, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("the chain must start with the signer certificate");
        }
        this.chain = List.copyOf(chain);
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.provider = provider;
        this.clock = Objects.requireNonNull(clock, "clock");
        X509Certificate signer = chain.get(0);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(signer.getEncoded());
            IssuerSerial issuerSerial = new IssuerSerial(
                    new GeneralNames(new GeneralName(
                            X500Name.getInstance(signer.getIssuerX500Principal().getEncoded()))),
                    signer.getSerialNumber());
            this.signingCertificate = new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2(hash, issuerSerial))));
            List<X509Certificate> embedded = new ArrayList<>();
            for (X509Certificate c : chain) {
                if (embedded.isEmpty() || !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                    embedded.add(c);
                }
            }
            this.certStore = new JcaCertStore(embedded);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unusable signer certificate", e);
        }
    }

    /** The default algorithm for a key: SHA256withRSA or SHA256withECDSA. */
    public static String defaultAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm());
        };
    }

    /** The signer certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The chain, signer first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** Returns the DER encoding of a detached CMS SignedData over {@code content}. */
    public byte[] sign(byte[] content) {
        try {
            JcaContentSignerBuilder csb = new JcaContentSignerBuilder(algorithm);
            csb.setProvider(provider != null ? provider : Bc.PROVIDER);
            ContentSigner contentSigner = csb.build(key);
            Hashtable<ASN1ObjectIdentifier, Attribute> attributes = new Hashtable<>();
            attributes.put(
                    CMSAttributes.signingTime,
                    new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(clock.instant())))));
            attributes.put(PKCSObjectIdentifiers.id_aa_signingCertificateV2, signingCertificate);
            CMSAttributeTableGenerator signed =
                    new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                            .setProvider(Bc.PROVIDER)
                            .build())
                    .setSignedAttributeGenerator(signed)
                    .build(contentSigner, chain.get(0)));
            gen.addCertificates(certStore);
            return gen.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
            throw new IllegalStateException("CMS signing failed: " + e.getMessage(), e);
        }
    }
}
