package vn.edialog.command.signature;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;

/**
 * Verifies a detached or enveloping CMS SignedData (one signer, signed attributes, ESS signing-certificate binding,
 * product algorithm policy) and the signer's certification path; returns a {@link VerificationResult}.
 */
public final class CmsSignatureVerifier {

    private static final ASN1ObjectIdentifier[] SINGLE_ATTRIBUTES = {
        CMSAttributes.contentType,
        CMSAttributes.messageDigest,
        CMSAttributes.signingTime,
        PKCSObjectIdentifiers.id_aa_signingCertificate,
        PKCSObjectIdentifiers.id_aa_signingCertificateV2
    };

    /** What the CMS layer established. */
    record CmsOutcome(
            byte[] content,
            X509Certificate signer,
            List<X509Certificate> certificates,
            Instant signingTime,
            String digestAlgorithm,
            String signatureAlgorithm) {}

    public CmsSignatureVerifier() {}

    /** Verifies {@code cms} (detached when {@code detachedContent} is present) and its path under {@code ctx}. */
    public VerificationResult verify(byte[] cms, Optional<byte[]> detachedContent, VerificationContext ctx) {
        return verify(cms, SignedContent.of(detachedContent), ctx);
    }

    /** Verifies {@code cms} over {@code content} (bytes, a sealed digest, or encapsulated) and its path. */
    public VerificationResult verify(byte[] cms, SignedContent content, VerificationContext ctx) {
        List<String> facts = new ArrayList<>();
        SignerFacts signerFacts = null;
        try {
            CmsOutcome o =
                    verifySignature(cms, content, ctx.untrusted(), ctx.profile() == Profile.EDIALOG, ctx.minRsaBits());
            signerFacts = facts(o);
            facts.add("signature valid: " + o.signatureAlgorithm() + " over digest " + o.digestAlgorithm()
                    + (o.signingTime() == null ? "" : ", signing-time " + o.signingTime())
                    + (content.isSealed() ? " (sealed content: verified by its digest)" : ""));
            List<X509Certificate> pool = new ArrayList<>(o.certificates());
            pool.addAll(ctx.untrusted());
            List<X509Certificate> path = CertificatePathChecker.validate(
                    o.signer(),
                    pool,
                    AnchorIndex.of(ctx.anchors()),
                    Revocation.explicit(ctx.crls()),
                    ctx.at(),
                    ctx.profile(),
                    ctx.minRsaBits(),
                    facts);
            SignerIdentity identity = SignerIdentity.fromCertificate(o.signer()).orElse(null);
            if (ctx.profile() == Profile.EDIALOG && identity == null) {
                throw new SignatureRefusal(
                        RefusalReason.IDENTITY_MISMATCH, "signer certificate has no MST/CCCD/CMND/MNS identity (UID)");
            }
            if (identity != null) {
                facts.add("signer identity: " + identity.id());
            }
            return VerificationResult.valid("signature valid", facts, signerFacts, identity, path);
        } catch (SignatureRefusal r) {
            return VerificationResult.refused(r, facts, signerFacts);
        } catch (RuntimeException e) {
            return VerificationResult.refused(
                    new SignatureRefusal(
                            RefusalReason.BAD_ENCODING,
                            "malformed: " + e.getClass().getSimpleName(),
                            e),
                    facts,
                    signerFacts);
        }
    }

    static SignerFacts facts(CmsOutcome o) {
        return new SignerFacts(
                o.signer().getSubjectX500Principal().getName(),
                o.signer().getIssuerX500Principal().getName(),
                o.signer().getSerialNumber().toString(16),
                o.signingTime());
    }

    /**
     * Parses and verifies the CMS structure and signature; throws {@link SignatureRefusal}, and only that: whatever
     * a malformed structure makes the parser throw (Bouncy Castle parses lazily, deep inside getters) is a refusal.
     */
    static CmsOutcome verifySignature(
            byte[] cms, byte[] detached, Collection<X509Certificate> extra, boolean policy, int minRsaBits) {
        return verifySignature(cms, SignedContent.detached(detached), extra, policy, minRsaBits);
    }

    static CmsOutcome verifySignature(
            byte[] cms, SignedContent content, Collection<X509Certificate> extra, boolean policy, int minRsaBits) {
        try {
            return verifyCms(cms, content, extra, policy, minRsaBits);
        } catch (SignatureRefusal r) {
            throw r;
        } catch (RuntimeException e) {
            throw new SignatureRefusal(
                    RefusalReason.BAD_ENCODING, "malformed CMS: " + e.getClass().getSimpleName(), e);
        }
    }

    private static CmsOutcome verifyCms(
            byte[] cms, SignedContent signed, Collection<X509Certificate> extra, boolean policy, int minRsaBits) {
        byte[] detached = signed.bytes();
        ContentInfo ci = parse(cms);
        CMSSignedData sd;
        try {
            sd = new CMSSignedData(ci);
        } catch (CMSException | RuntimeException e) {
            throw new SignatureRefusal(RefusalReason.BAD_ENCODING, "not a CMS SignedData: " + e.getMessage(), e);
        }
        byte[] encapsulated = null;
        if (sd.getSignedContent() != null && sd.getSignedContent().getContent() instanceof byte[] b) {
            encapsulated = b;
        }
        byte[] content;
        if (signed.isSealed()) {
            if (encapsulated != null) {
                throw new SignatureRefusal(
                        RefusalReason.BAD_SIGNATURE, "a sealed payload's CMS must not encapsulate the content");
            }
            content = null;
            try {
                // Precomputed digests: the signer's message-digest attribute is checked against this one.
                sd = new CMSSignedData(Map.of(NISTObjectIdentifiers.id_sha256.getId(), signed.sha256()), ci);
            } catch (CMSException | RuntimeException e) {
                throw new SignatureRefusal(RefusalReason.BAD_ENCODING, "not a CMS SignedData", e);
            }
        } else if (detached != null) {
            if (encapsulated != null && !Arrays.equals(encapsulated, detached)) {
                throw new SignatureRefusal(
                        RefusalReason.BAD_SIGNATURE, "the CMS encapsulates content different from the payload");
            }
            content = detached;
            if (encapsulated == null) {
                try {
                    sd = new CMSSignedData(
                            new CMSProcessableByteArray(
                                    new ASN1ObjectIdentifier(sd.getSignedContentTypeOID()), detached),
                            ci);
                } catch (CMSException | RuntimeException e) {
                    throw new SignatureRefusal(RefusalReason.BAD_ENCODING, "not a CMS SignedData", e);
                }
            }
        } else if (encapsulated != null) {
            content = encapsulated;
        } else {
            throw new SignatureRefusal(
                    RefusalReason.BAD_ENCODING, "detached signature given without the signed content");
        }
        Collection<SignerInformation> signers = sd.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new SignatureRefusal(
                    RefusalReason.BAD_SIGNATURE, "exactly one signer is required, found " + signers.size());
        }
        SignerInformation signer = signers.iterator().next();
        if (signed.isSealed()
                && !NISTObjectIdentifiers.id_sha256.equals(
                        signer.getDigestAlgorithmID().getAlgorithm())) {
            throw new SignatureRefusal(
                    RefusalReason.BAD_SIGNATURE,
                    "a sealed payload's signature must use the SHA-256 digest, not "
                            + AlgorithmPolicy.name(signer.getDigestAlgorithmID().getAlgorithm()));
        }
        AttributeTable attrs = signer.getSignedAttributes();
        if (attrs == null) {
            throw new SignatureRefusal(RefusalReason.BAD_SIGNATURE, "signed attributes are required");
        }
        for (ASN1ObjectIdentifier oid : SINGLE_ATTRIBUTES) {
            ASN1EncodableVector all = attrs.getAll(oid);
            if (all.size() > 1) {
                throw new SignatureRefusal(RefusalReason.BAD_SIGNATURE, "signed attribute " + oid + " is repeated");
            }
            if (all.size() == 1
                    && Attribute.getInstance(all.get(0)).getAttrValues().size() != 1) {
                throw new SignatureRefusal(
                        RefusalReason.BAD_SIGNATURE, "signed attribute " + oid + " must have exactly one value");
            }
        }
        if (attrs.get(CMSAttributes.contentType) == null || attrs.get(CMSAttributes.messageDigest) == null) {
            throw new SignatureRefusal(
                    RefusalReason.BAD_SIGNATURE, "content-type and message-digest signed attributes are required");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        X509Certificate signerCert = null;
        SignerId sid = signer.getSID();
        try {
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> store = sd.getCertificates();
            for (X509CertificateHolder h : store.getMatches(null)) {
                X509Certificate c = Bc.certificate(h.getEncoded());
                certificates.add(c);
                if (signerCert == null && sid.match(h)) {
                    signerCert = c;
                }
            }
            if (signerCert == null) {
                for (X509Certificate c : extra) {
                    if (sid.match(new X509CertificateHolder(c.getEncoded()))) {
                        signerCert = c;
                        break;
                    }
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new SignatureRefusal(RefusalReason.BAD_ENCODING, "unreadable certificate in the CMS", e);
        }
        if (signerCert == null) {
            throw new SignatureRefusal(RefusalReason.BAD_SIGNATURE, "the signer certificate is not in the CMS");
        }
        if (policy) {
            AlgorithmPolicy.checkSigner(
                    signer.getDigestAlgorithmID(),
                    signer.toASN1Structure().getDigestEncryptionAlgorithm(),
                    signerCert.getPublicKey(),
                    minRsaBits);
        }
        try {
            SignerInformationVerifier verifier = new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(Bc.PROVIDER)
                    .build(signerCert.getPublicKey());
            if (!signer.verify(verifier)) {
                throw new SignatureRefusal(RefusalReason.BAD_SIGNATURE, "the signature does not verify");
            }
        } catch (CMSSignerDigestMismatchException e) {
            throw new SignatureRefusal(
                    RefusalReason.BAD_SIGNATURE, "message digest does not match the signed content", e);
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            if (e instanceof SignatureRefusal r) {
                throw r;
            }
            throw new SignatureRefusal(
                    RefusalReason.BAD_SIGNATURE, "the signature does not verify: " + e.getMessage(), e);
        }
        checkSigningCertificate(attrs, signerCert);
        Instant signingTime = null;
        Attribute st = attrs.get(CMSAttributes.signingTime);
        if (st != null) {
            try {
                signingTime = Time.getInstance(st.getAttrValues().getObjectAt(0))
                        .getDate()
                        .toInstant();
            } catch (RuntimeException e) {
                throw new SignatureRefusal(RefusalReason.BAD_SIGNATURE, "unreadable signing-time attribute", e);
            }
        }
        return new CmsOutcome(
                content,
                signerCert,
                List.copyOf(certificates),
                signingTime,
                AlgorithmPolicy.name(signer.getDigestAlgorithmID().getAlgorithm()),
                AlgorithmPolicy.name(
                        signer.toASN1Structure().getDigestEncryptionAlgorithm().getAlgorithm()));
    }

    private static ContentInfo parse(byte[] cms) {
        try {
            ASN1Primitive p = cms == null || cms.length == 0 ? null : ASN1Primitive.fromByteArray(cms);
            if (p == null) {
                throw new SignatureRefusal(RefusalReason.BAD_ENCODING, "empty CMS");
            }
            ContentInfo ci = ContentInfo.getInstance(p);
            if (!CMSObjectIdentifiers.signedData.equals(ci.getContentType()) || ci.getContent() == null) {
                throw new SignatureRefusal(RefusalReason.BAD_ENCODING, "CMS content is not SignedData");
            }
            return ci;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SignatureRefusal r) {
                throw r;
            }
            throw new SignatureRefusal(RefusalReason.BAD_ENCODING, "not a DER/BER CMS ContentInfo", e);
        }
    }

    private static void checkSigningCertificate(AttributeTable attrs, X509Certificate cert) {
        try {
            byte[] encoded = cert.getEncoded();
            Attribute v2 = attrs.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            if (v2 != null) {
                ESSCertIDv2[] ids = SigningCertificateV2.getInstance(
                                v2.getAttrValues().getObjectAt(0))
                        .getCerts();
                if (ids.length == 0) {
                    throw mismatch("empty signing-certificate-v2");
                }
                ESSCertIDv2 id = ids[0];
                MessageDigest md = MessageDigest.getInstance(
                        id.getHashAlgorithm().getAlgorithm().getId(), Bc.PROVIDER);
                if (!MessageDigest.isEqual(md.digest(encoded), id.getCertHash())) {
                    throw mismatch("signing-certificate-v2 hash does not match the signer certificate");
                }
                checkIssuerSerial(id.getIssuerSerial(), cert);
            }
            Attribute v1 = attrs.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
            if (v1 != null) {
                ESSCertID[] ids = SigningCertificate.getInstance(
                                v1.getAttrValues().getObjectAt(0))
                        .getCerts();
                if (ids.length == 0) {
                    throw mismatch("empty signing-certificate");
                }
                MessageDigest md = MessageDigest.getInstance("SHA-1", Bc.PROVIDER);
                if (!MessageDigest.isEqual(md.digest(encoded), ids[0].getCertHash())) {
                    throw mismatch("signing-certificate hash does not match the signer certificate");
                }
                checkIssuerSerial(ids[0].getIssuerSerial(), cert);
            }
        } catch (SignatureRefusal r) {
            throw r;
        } catch (Exception e) {
            throw new SignatureRefusal(RefusalReason.BAD_SIGNATURE, "unreadable signing-certificate attribute", e);
        }
    }

    private static void checkIssuerSerial(IssuerSerial is, X509Certificate cert) {
        if (is == null) {
            return;
        }
        if (!is.getSerial().getValue().equals(cert.getSerialNumber())) {
            throw mismatch("signing-certificate serial number does not match the signer certificate");
        }
        X500Name issuer = X500Name.getInstance(cert.getIssuerX500Principal().getEncoded());
        for (GeneralName gn : is.getIssuer().getNames()) {
            if (gn.getTagNo() == GeneralName.directoryName
                    && X500Name.getInstance(gn.getName()).equals(issuer)) {
                return;
            }
        }
        throw mismatch("signing-certificate issuer does not match the signer certificate");
    }

    private static SignatureRefusal mismatch(String detail) {
        return new SignatureRefusal(RefusalReason.BAD_SIGNATURE, detail);
    }
}
