package vn.edialog.command.signature;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** The product algorithm policy: SHA-2/SHA-3 digests, RSA ≥ minimum bits (PKCS#1 v1.5, PSS), ECDSA on P-256/384/521. */
final class AlgorithmPolicy {

    static final Set<ASN1ObjectIdentifier> DIGESTS = Set.of(
            NISTObjectIdentifiers.id_sha256,
            NISTObjectIdentifiers.id_sha384,
            NISTObjectIdentifiers.id_sha512,
            NISTObjectIdentifiers.id_sha3_256,
            NISTObjectIdentifiers.id_sha3_384,
            NISTObjectIdentifiers.id_sha3_512);

    static final Set<ASN1ObjectIdentifier> CURVES =
            Set.of(SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1, SECObjectIdentifiers.secp521r1);

    private enum KeyType {
        RSA,
        EC
    }

    private record SigAlg(KeyType keyType, ASN1ObjectIdentifier digest) {}

    private static final Map<ASN1ObjectIdentifier, SigAlg> SIGNATURES = Map.ofEntries(
            Map.entry(
                    PKCSObjectIdentifiers.sha256WithRSAEncryption,
                    new SigAlg(KeyType.RSA, NISTObjectIdentifiers.id_sha256)),
            Map.entry(
                    PKCSObjectIdentifiers.sha384WithRSAEncryption,
                    new SigAlg(KeyType.RSA, NISTObjectIdentifiers.id_sha384)),
            Map.entry(
                    PKCSObjectIdentifiers.sha512WithRSAEncryption,
                    new SigAlg(KeyType.RSA, NISTObjectIdentifiers.id_sha512)),
            Map.entry(
                    NISTObjectIdentifiers.id_rsassa_pkcs1_v1_5_with_sha3_256,
                    new SigAlg(KeyType.RSA, NISTObjectIdentifiers.id_sha3_256)),
            Map.entry(
                    NISTObjectIdentifiers.id_rsassa_pkcs1_v1_5_with_sha3_384,
                    new SigAlg(KeyType.RSA, NISTObjectIdentifiers.id_sha3_384)),
            Map.entry(
                    NISTObjectIdentifiers.id_rsassa_pkcs1_v1_5_with_sha3_512,
                    new SigAlg(KeyType.RSA, NISTObjectIdentifiers.id_sha3_512)),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA256, new SigAlg(KeyType.EC, NISTObjectIdentifiers.id_sha256)),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA384, new SigAlg(KeyType.EC, NISTObjectIdentifiers.id_sha384)),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA512, new SigAlg(KeyType.EC, NISTObjectIdentifiers.id_sha512)),
            Map.entry(
                    NISTObjectIdentifiers.id_ecdsa_with_sha3_256,
                    new SigAlg(KeyType.EC, NISTObjectIdentifiers.id_sha3_256)),
            Map.entry(
                    NISTObjectIdentifiers.id_ecdsa_with_sha3_384,
                    new SigAlg(KeyType.EC, NISTObjectIdentifiers.id_sha3_384)),
            Map.entry(
                    NISTObjectIdentifiers.id_ecdsa_with_sha3_512,
                    new SigAlg(KeyType.EC, NISTObjectIdentifiers.id_sha3_512)),
            // "bare" key algorithms used as signature algorithm in CMS: the digest comes from digestAlgorithm
            Map.entry(PKCSObjectIdentifiers.rsaEncryption, new SigAlg(KeyType.RSA, null)),
            Map.entry(X9ObjectIdentifiers.id_ecPublicKey, new SigAlg(KeyType.EC, null)));

    private AlgorithmPolicy() {}

    static boolean isAllowedDigest(ASN1ObjectIdentifier oid) {
        return DIGESTS.contains(oid);
    }

    /** Checks a CMS signer's digest algorithm, signature algorithm and key (WEAK_ALGORITHM, or BAD_SIGNATURE when the
     * signature algorithm contradicts the digest algorithm or the key type). */
    static void checkSigner(AlgorithmIdentifier digest, AlgorithmIdentifier signature, PublicKey key, int minRsaBits) {
        ASN1ObjectIdentifier digestOid = digest.getAlgorithm();
        if (!isAllowedDigest(digestOid)) {
            throw weak("digest algorithm " + name(digestOid) + " is not allowed");
        }
        KeyType keyType = checkKey(key, minRsaBits, "signer");
        ASN1ObjectIdentifier implied = checkSignatureAlgorithm(signature, keyType, "signature");
        if (implied != null && !implied.equals(digestOid)) {
            throw new SignatureRefusal(
                    RefusalReason.BAD_SIGNATURE,
                    "signature algorithm " + name(signature.getAlgorithm()) + " does not match digest algorithm "
                            + name(digestOid));
        }
    }

    /** Checks the signature algorithm of a certificate and the strength of the key that signed it. */
    static void checkCertificate(X509Certificate cert, PublicKey issuerKey, int minRsaBits) {
        AlgorithmIdentifier sigAlg =
                new AlgorithmIdentifier(new ASN1ObjectIdentifier(cert.getSigAlgOID()), params(cert.getSigAlgParams()));
        String who = "certificate " + cert.getSubjectX500Principal().getName();
        KeyType issuerType = checkKey(issuerKey, minRsaBits, "issuer of " + who);
        checkSignatureAlgorithm(sigAlg, issuerType, who);
        checkKey(cert.getPublicKey(), minRsaBits, who);
    }

    private static ASN1Encodable params(byte[] encoded) {
        if (encoded == null) {
            return null;
        }
        try {
            return ASN1Primitive.fromByteArray(encoded);
        } catch (java.io.IOException e) {
            throw weak("unreadable signature algorithm parameters");
        }
    }

    /** Returns the digest implied by the signature algorithm (null when it takes the CMS digest algorithm). */
    private static ASN1ObjectIdentifier checkSignatureAlgorithm(AlgorithmIdentifier sig, KeyType keyType, String who) {
        ASN1ObjectIdentifier oid = sig.getAlgorithm();
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)) {
            if (keyType != KeyType.RSA) {
                throw new SignatureRefusal(RefusalReason.BAD_SIGNATURE, who + ": RSASSA-PSS with a non-RSA key");
            }
            RSASSAPSSparams p = RSASSAPSSparams.getInstance(sig.getParameters());
            ASN1ObjectIdentifier hash = p.getHashAlgorithm().getAlgorithm();
            if (!isAllowedDigest(hash)) {
                throw weak(who + ": RSASSA-PSS with digest " + name(hash) + " is not allowed");
            }
            AlgorithmIdentifier mgf = p.getMaskGenAlgorithm();
            if (!PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm())) {
                throw weak(who + ": RSASSA-PSS mask generation " + mgf.getAlgorithm() + " is not allowed");
            }
            ASN1ObjectIdentifier mgfHash =
                    AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm();
            if (!isAllowedDigest(mgfHash)) {
                throw weak(who + ": RSASSA-PSS MGF1 digest " + name(mgfHash) + " is not allowed");
            }
            return hash;
        }
        SigAlg known = SIGNATURES.get(oid);
        if (known == null) {
            throw weak(who + ": signature algorithm " + name(oid) + " is not allowed");
        }
        if (known.keyType() != keyType) {
            throw new SignatureRefusal(
                    RefusalReason.BAD_SIGNATURE, who + ": signature algorithm " + name(oid) + " does not fit the key");
        }
        return known.digest();
    }

    private static KeyType checkKey(PublicKey key, int minRsaBits, String who) {
        byte[] encoded = key == null ? null : key.getEncoded();
        if (encoded == null) {
            throw new SignatureRefusal(RefusalReason.BAD_ENCODING, who + ": unreadable public key");
        }
        SubjectPublicKeyInfo spki;
        try {
            spki = SubjectPublicKeyInfo.getInstance(encoded);
        } catch (RuntimeException e) {
            throw new SignatureRefusal(RefusalReason.BAD_ENCODING, who + ": unreadable public key", e);
        }
        ASN1ObjectIdentifier alg = spki.getAlgorithm().getAlgorithm();
        if (key instanceof RSAKey rsa
                && (PKCSObjectIdentifiers.rsaEncryption.equals(alg)
                        || PKCSObjectIdentifiers.id_RSASSA_PSS.equals(alg))) {
            int bits = rsa.getModulus().bitLength();
            if (bits < minRsaBits) {
                throw weak(who + ": RSA key of " + bits + " bits is below " + minRsaBits);
            }
            return KeyType.RSA;
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(alg)) {
            ASN1Encodable params = spki.getAlgorithm().getParameters();
            if (params instanceof ASN1ObjectIdentifier curve && CURVES.contains(curve)) {
                return KeyType.EC;
            }
            throw weak(who + ": elliptic curve " + params + " is not allowed (P-256, P-384, P-521 only)");
        }
        throw weak(who + ": key algorithm " + name(alg) + " is not allowed");
    }

    static String name(ASN1ObjectIdentifier oid) {
        String n = NAMES.get(oid.getId());
        return n == null ? oid.getId() : n + " (" + oid.getId() + ")";
    }

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("1.3.14.3.2.26", "SHA-1"),
            Map.entry("1.2.840.113549.2.5", "MD5"),
            Map.entry("2.16.840.1.101.3.4.2.1", "SHA-256"),
            Map.entry("2.16.840.1.101.3.4.2.2", "SHA-384"),
            Map.entry("2.16.840.1.101.3.4.2.3", "SHA-512"),
            Map.entry("2.16.840.1.101.3.4.2.8", "SHA3-256"),
            Map.entry("2.16.840.1.101.3.4.2.9", "SHA3-384"),
            Map.entry("2.16.840.1.101.3.4.2.10", "SHA3-512"),
            Map.entry("1.2.840.113549.1.1.5", "SHA1withRSA"),
            Map.entry("1.2.840.113549.1.1.4", "MD5withRSA"),
            Map.entry("1.2.840.113549.1.1.11", "SHA256withRSA"),
            Map.entry("1.2.840.113549.1.1.12", "SHA384withRSA"),
            Map.entry("1.2.840.113549.1.1.13", "SHA512withRSA"),
            Map.entry("1.2.840.113549.1.1.10", "RSASSA-PSS"),
            Map.entry("1.2.840.113549.1.1.1", "RSA"),
            Map.entry("1.2.840.10045.4.1", "SHA1withECDSA"),
            Map.entry("1.2.840.10045.4.3.2", "SHA256withECDSA"),
            Map.entry("1.2.840.10045.4.3.3", "SHA384withECDSA"),
            Map.entry("1.2.840.10045.4.3.4", "SHA512withECDSA"),
            Map.entry("1.2.840.10045.2.1", "EC"),
            Map.entry("1.2.840.10040.4.1", "DSA"),
            Map.entry("1.3.101.112", "Ed25519"));

    private static SignatureRefusal weak(String detail) {
        return new SignatureRefusal(RefusalReason.WEAK_ALGORITHM, detail);
    }
}
