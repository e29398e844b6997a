package vn.edialog.command.timestamp;

import java.io.IOException;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.CollectionStore;
import org.bouncycastle.util.Store;

/**
 * The CAdES levels of a stored one-signer CMS SignedData (ETSI EN 319 122-1): what its signature-time-stamp covers,
 * the time-stamp it carries, and the same signature brought to CAdES-BASELINE-T (a signature-time-stamp as an unsigned
 * attribute) or -LT (with the certificate and revocation values in the SignedData's {@code certificates} and {@code
 * crls}). None of this touches what was signed: the signed attributes and the signature value are kept byte for byte.
 */
public final class CadesSignatures {

    private CadesSignatures() {}

    /** The octets of the only SignerInfo's signature field: what a CAdES signature-time-stamp is taken over. */
    public static byte[] signatureValue(byte[] cms) {
        return signer(parse(cms)).getSignature();
    }

    /** The signature-time-stamp the CMS carries as an unsigned attribute, if any (the first, when several). */
    public static Optional<TimeStampToken> signatureTimeStamp(byte[] cms) {
        AttributeTable unsigned = signer(parse(cms)).getUnsignedAttributes();
        if (unsigned == null) {
            return Optional.empty();
        }
        Attribute stamp = unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (stamp == null || stamp.getAttrValues().size() == 0) {
            return Optional.empty();
        }
        try {
            ContentInfo token = ContentInfo.getInstance(stamp.getAttrValues().getObjectAt(0));
            return Optional.of(new TimeStampToken(token));
        } catch (TSPException | IOException | RuntimeException e) {
            throw new IllegalArgumentException("the signature-time-stamp attribute is not a time-stamp token", e);
        }
    }

    /** The certificates of the SignedData's {@code certificates} field (the signer's, and validation values). */
    public static List<X509Certificate> certificates(byte[] cms) {
        List<X509Certificate> out = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(TimeStampVerifier.BC);
        try {
            for (X509CertificateHolder holder : parse(cms).getCertificates().getMatches(null)) {
                out.add(converter.getCertificate(holder));
            }
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalArgumentException("the CMS carries a certificate that does not parse", e);
        }
        return out;
    }

    /** The CRLs of the SignedData's {@code crls} field: the revocation values of a CAdES-LT signature. */
    public static List<X509CRL> crls(byte[] cms) {
        List<X509CRL> out = new ArrayList<>();
        JcaX509CRLConverter converter = new JcaX509CRLConverter().setProvider(TimeStampVerifier.BC);
        try {
            for (X509CRLHolder holder : parse(cms).getCRLs().getMatches(null)) {
                out.add(converter.getCRL(holder));
            }
        } catch (CRLException e) {
            throw new IllegalArgumentException("the CMS carries a CRL that does not parse", e);
        }
        return out;
    }

    /**
     * The signature of {@code cms} with {@code token} as its signature-time-stamp (unless it carries one already)
     * and {@code certificates} and {@code crls} added to those it carries, each once: CAdES-BASELINE-T when both are
     * empty, -LT when they hold the values that validate the signer's and the authority's paths.
     */
    public static byte[] extend(
            byte[] cms, TimeStampToken token, Collection<X509Certificate> certificates, Collection<X509CRL> crls) {
        CMSSignedData signed = parse(cms);
        SignerInformation signer = signer(signed);
        if (token != null && !Arrays.equals(stampedSignature(token), digest(token, signer.getSignature()))) {
            throw new IllegalArgumentException("the time-stamp is not over this signature's value");
        }
        try {
            if (token != null && signatureTimeStamp(cms).isEmpty()) {
                AttributeTable unsigned = signer.getUnsignedAttributes();
                ASN1EncodableVector attributes =
                        unsigned == null ? new ASN1EncodableVector() : unsigned.toASN1EncodableVector();
                attributes.add(new Attribute(
                        PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new DERSet(token.toCMSSignedData().toASN1Structure())));
                signer = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attributes));
                signed = CMSSignedData.replaceSigners(signed, new SignerInformationStore(signer));
            }
            Map<String, X509CertificateHolder> allCertificates = new LinkedHashMap<>();
            for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
                allCertificates.put(key(holder.getEncoded()), holder);
            }
            for (X509Certificate certificate : certificates) {
                byte[] encoded = certificate.getEncoded();
                allCertificates.putIfAbsent(key(encoded), new X509CertificateHolder(encoded));
            }
            Map<String, X509CRLHolder> allCrls = new LinkedHashMap<>();
            for (X509CRLHolder holder : signed.getCRLs().getMatches(null)) {
                allCrls.put(key(holder.getEncoded()), holder);
            }
            for (X509CRL crl : crls) {
                byte[] encoded = crl.getEncoded();
                allCrls.putIfAbsent(key(encoded), new X509CRLHolder(encoded));
            }
            Store<X509CertificateHolder> certificateStore = new CollectionStore<>(allCertificates.values());
            Store<X509CRLHolder> crlStore = new CollectionStore<>(allCrls.values());
            @SuppressWarnings("unchecked")
            CMSSignedData extended = CMSSignedData.replaceCertificatesAndCRLs(
                    signed, certificateStore, signed.getAttributeCertificates(), crlStore);
            return extended.getEncoded();
        } catch (IOException | CMSException | CertificateEncodingException | CRLException e) {
            throw new IllegalArgumentException("cannot extend the signature: " + e.getMessage(), e);
        }
    }

    private static byte[] stampedSignature(TimeStampToken token) {
        return token.getTimeStampInfo().getMessageImprintDigest();
    }

    private static byte[] digest(TimeStampToken token, byte[] data) {
        String algorithm =
                TimeStampVerifier.DIGESTS.get(token.getTimeStampInfo().getMessageImprintAlgOID());
        if (algorithm == null) {
            throw new IllegalArgumentException("the time-stamp's imprint is not SHA-256, SHA-384 or SHA-512");
        }
        return TimeStampVerifier.digest(algorithm, data);
    }

    private static String key(byte[] encoded) {
        return HexFormat.of().formatHex(TimeStampVerifier.digest("SHA-256", encoded));
    }

    private static CMSSignedData parse(byte[] cms) {
        try {
            return new CMSSignedData(cms);
        } catch (CMSException | RuntimeException e) {
            throw new IllegalArgumentException("not a CMS SignedData: " + e.getMessage(), e);
        }
    }

    private static SignerInformation signer(CMSSignedData signed) {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new IllegalArgumentException("a stored signature has one signer, this one " + signers.size());
        }
        return signers.iterator().next();
    }
}
