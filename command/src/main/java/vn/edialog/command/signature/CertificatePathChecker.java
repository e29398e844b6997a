package vn.edialog.command.signature;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.jcajce.PKIXExtendedParameters;

/**
 * Builds and validates the certification path of a certificate with Bouncy Castle's PKIX validator, then applies
 * revocation and (profile EDIALOG) the algorithm and key-usage policy.
 */
public final class CertificatePathChecker {

    private static final int MAX_DEPTH = 8;
    private static final int MAX_CANDIDATES = 8;

    private static final ThreadLocal<CertPathValidator> VALIDATOR = ThreadLocal.withInitial(() -> {
        try {
            return CertPathValidator.getInstance("PKIX", Bc.PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private record Candidate(List<X509Certificate> chain, TrustAnchor anchor) {}

    public CertificatePathChecker() {}

    /**
     * Validates {@code leaf} at {@code at} against {@code anchors} with untrusted intermediates; when {@code crls} is
     * non-empty, every certificate of the path except the anchor must be covered by a valid CRL of its issuer.
     */
    public VerificationResult check(
            X509Certificate leaf,
            List<X509Certificate> untrusted,
            Set<TrustAnchor> anchors,
            List<X509CRL> crls,
            Instant at,
            Profile profile) {
        List<String> facts = new ArrayList<>();
        SignerFacts signer = new SignerFacts(
                leaf.getSubjectX500Principal().getName(),
                leaf.getIssuerX500Principal().getName(),
                leaf.getSerialNumber().toString(16),
                null);
        try {
            List<X509Certificate> path = validate(
                    leaf, untrusted, AnchorIndex.of(anchors), Revocation.explicit(crls), at, profile, 2048, facts);
            SignerIdentity identity = SignerIdentity.fromCertificate(leaf).orElse(null);
            return VerificationResult.valid(
                    "certification path valid (" + profile + ")", facts, signer, identity, path);
        } catch (SignatureRefusal r) {
            return VerificationResult.refused(r, facts, signer);
        }
    }

    /** Returns the validated path, leaf first, ending with the anchor's certificate when it has one. */
    static List<X509Certificate> validate(
            X509Certificate leaf,
            List<X509Certificate> untrusted,
            AnchorIndex anchors,
            Revocation revocation,
            Instant at,
            Profile profile,
            int minRsaBits,
            List<String> facts) {
        if (anchors.isEmpty()) {
            throw new SignatureRefusal(RefusalReason.UNTRUSTED, "no trust anchors configured");
        }
        List<Candidate> candidates = new ArrayList<>();
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        List<X509Certificate> pool = new ArrayList<>(new LinkedHashSet<>(untrusted));
        search(chain, pool, anchors, candidates);
        if (candidates.isEmpty()) {
            throw new SignatureRefusal(
                    RefusalReason.UNTRUSTED,
                    "no certification path from "
                            + leaf.getSubjectX500Principal().getName() + " to a trust anchor");
        }
        // Profile RFC5280 with explicit CRLs: Bouncy Castle's own PKIX revocation checking (delta CRLs, indirect CRLs,
        // distribution point scopes, reason partitions, separate CRL-signing keys), the machinery it tests with PKITS.
        List<X509CRL> pkixCrls = profile == Profile.RFC5280 ? revocation.explicitCrls() : null;
        SignatureRefusal firstFailure = null;
        Candidate valid = null;
        for (Candidate c : candidates) {
            SignatureRefusal failure = pkix(c, at, pkixCrls, pool);
            if (failure == null) {
                valid = c;
                break;
            }
            if (firstFailure == null
                    || (firstFailure.reason() == RefusalReason.UNTRUSTED
                            && failure.reason() != RefusalReason.UNTRUSTED)) {
                firstFailure = failure;
            }
        }
        if (valid == null) {
            throw firstFailure;
        }
        List<X509Certificate> path = valid.chain();
        TrustAnchor anchor = valid.anchor();
        StringBuilder desc = new StringBuilder("path: ");
        for (X509Certificate c : path) {
            desc.append(c.getSubjectX500Principal().getName()).append(" <- ");
        }
        desc.append("anchor ").append(AnchorIndex.name(anchor).getName());
        facts.add(desc.toString());

        List<Revocation.Issuer> issuers = new ArrayList<>(path.size());
        for (int i = 0; i < path.size(); i++) {
            if (i + 1 < path.size()) {
                X509Certificate issuer = path.get(i + 1);
                issuers.add(new Revocation.Issuer(issuer.getSubjectX500Principal(), issuer.getPublicKey(), issuer));
            } else {
                issuers.add(new Revocation.Issuer(
                        AnchorIndex.name(anchor), AnchorIndex.key(anchor), anchor.getTrustedCert()));
            }
        }
        if (profile == Profile.EDIALOG) {
            for (int i = 0; i < path.size(); i++) {
                AlgorithmPolicy.checkCertificate(path.get(i), issuers.get(i).key(), minRsaBits);
            }
            X509Certificate anchorCert = anchor.getTrustedCert();
            if (anchorCert != null && !validAt(anchorCert, at)) {
                throw new SignatureRefusal(
                        RefusalReason.EXPIRED,
                        "trust anchor " + anchorCert.getSubjectX500Principal().getName() + " is not valid at " + at);
            }
        }
        if (pkixCrls == null) {
            revocation.check(path, issuers, at, facts);
        } else if (!pkixCrls.isEmpty()) {
            facts.add("not revoked: every certificate of the path (RFC 5280 CRL processing of " + pkixCrls.size()
                    + " CRLs)");
        }
        if (profile == Profile.EDIALOG) {
            boolean[] ku = leaf.getKeyUsage();
            if (ku == null || !(ku[0] || (ku.length > 1 && ku[1]))) {
                throw new SignatureRefusal(
                        RefusalReason.KEY_USAGE,
                        "signer certificate key usage has neither digitalSignature nor nonRepudiation");
            }
        }
        List<X509Certificate> result = new ArrayList<>(path);
        if (anchor.getTrustedCert() != null) {
            result.add(anchor.getTrustedCert());
        }
        return List.copyOf(result);
    }

    private static void search(
            List<X509Certificate> chain, List<X509Certificate> pool, AnchorIndex anchors, List<Candidate> out) {
        if (out.size() >= MAX_CANDIDATES) {
            return;
        }
        X509Certificate last = chain.get(chain.size() - 1);
        for (TrustAnchor a : anchors.byName(last.getIssuerX500Principal())) {
            out.add(new Candidate(List.copyOf(chain), a));
        }
        if (chain.size() >= MAX_DEPTH) {
            return;
        }
        for (X509Certificate c : pool) {
            if (!c.getSubjectX500Principal().equals(last.getIssuerX500Principal())
                    || chain.contains(c)
                    || anchors.isAnchorCertificate(c)
                    || (isSelfSigned(c)
                            && !anchors.byName(c.getSubjectX500Principal()).isEmpty())) {
                continue;
            }
            chain.add(c);
            search(chain, pool, anchors, out);
            chain.remove(chain.size() - 1);
        }
    }

    private static boolean isSelfSigned(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    /**
     * Validates one candidate chain; when {@code crls} is not null, with revocation checking over those CRLs and the
     * untrusted certificates (which may hold the CRL issuers' certificates): an empty list means no revocation check.
     */
    private static SignatureRefusal pkix(Candidate c, Instant at, List<X509CRL> crls, List<X509Certificate> untrusted) {
        try {
            CertPath cp = Bc.certificateFactory().generateCertPath(c.chain());
            PKIXParameters params = new PKIXParameters(Set.of(c.anchor()));
            params.setDate(Date.from(at));
            boolean revocation = crls != null && !crls.isEmpty();
            params.setRevocationEnabled(revocation);
            if (!revocation) {
                VALIDATOR.get().validate(cp, params);
                return null;
            }
            List<Object> store = new ArrayList<>(untrusted);
            store.addAll(crls);
            params.addCertStore(
                    CertStore.getInstance("Collection", new CollectionCertStoreParameters(store), Bc.PROVIDER));
            PKIXExtendedParameters extended = new PKIXExtendedParameters.Builder(params)
                    .setUseDeltasEnabled(true)
                    .build();
            VALIDATOR.get().validate(cp, extended);
            return null;
        } catch (CertPathValidatorException e) {
            return new SignatureRefusal(classify(e, c.chain(), at), "path validation failed: " + e.getMessage(), e);
        } catch (GeneralSecurityException | RuntimeException e) {
            return new SignatureRefusal(RefusalReason.UNTRUSTED, "path validation failed: " + e.getMessage(), e);
        }
    }

    private static RefusalReason classify(CertPathValidatorException e, List<X509Certificate> chain, Instant at) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return RefusalReason.EXPIRED;
            }
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
            return RefusalReason.REVOKED;
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return RefusalReason.REVOCATION_UNKNOWN;
        }
        // Bouncy Castle reports a missing, unusable or badly signed CRL without a basic reason, in its messages.
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("CRL") || m.contains("status could not be determined"))) {
                return RefusalReason.REVOCATION_UNKNOWN;
            }
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                || e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return RefusalReason.EXPIRED;
        }
        int i = e.getIndex();
        if (i >= 0 && i < chain.size() && !validAt(chain.get(i), at)) {
            return RefusalReason.EXPIRED;
        }
        return RefusalReason.UNTRUSTED;
    }

    static boolean validAt(X509Certificate c, Instant at) {
        return !at.isBefore(c.getNotBefore().toInstant())
                && !at.isAfter(c.getNotAfter().toInstant());
    }

    static PublicKey keyOf(TrustAnchor a) {
        return AnchorIndex.key(a);
    }
}
