package vn.edialog.command.signature;

import java.net.URI;
import java.security.PublicKey;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;

/** CRL-based revocation checking of a validated path: either explicit CRLs that must cover every certificate, or a
 * {@link CrlSource} driven by the certificates' distribution points and a {@link RevocationMode}. */
abstract sealed class Revocation {

    /** Tolerance for a CRL whose thisUpdate is slightly in the future of the verification time. */
    private static final Duration ISSUE_SKEW = Duration.ofMinutes(5);

    private static final Set<String> KNOWN_CRL_EXTENSIONS = Set.of(
            Extension.issuingDistributionPoint.getId(),
            Extension.cRLNumber.getId(),
            Extension.authorityKeyIdentifier.getId());

    private static final ConcurrentHashMap<CrlKey, Boolean> VERIFIED = new ConcurrentHashMap<>();

    private record CrlKey(X509CRL crl, PublicKey key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof CrlKey k && k.crl == crl && k.key.equals(key);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(crl) * 31 + key.hashCode();
        }
    }

    /** Issuer of a certificate in the path: certificate when known, else name and key of the anchor. */
    record Issuer(X500Principal name, PublicKey key, X509Certificate certificate) {}

    static Revocation none() {
        return new Off();
    }

    static Revocation explicit(List<X509CRL> crls) {
        return crls == null || crls.isEmpty() ? new Off() : new Explicit(List.copyOf(crls));
    }

    static Revocation source(CrlSource source, RevocationMode mode) {
        return mode == RevocationMode.OFF ? new Off() : new FromSource(source, mode);
    }

    /** Checks every certificate of the path (leaf first, anchor excluded) against its issuer's CRL. */
    final void check(List<X509Certificate> path, List<Issuer> issuers, Instant at, List<String> facts) {
        for (int i = 0; i < path.size(); i++) {
            checkOne(path.get(i), issuers.get(i), at, facts);
        }
    }

    abstract void checkOne(X509Certificate cert, Issuer issuer, Instant at, List<String> facts);

    /** The given CRLs when this is an explicit set (empty when off), null when CRLs come from a source. */
    abstract List<X509CRL> explicitCrls();

    static final class Off extends Revocation {
        @Override
        void checkOne(X509Certificate cert, Issuer issuer, Instant at, List<String> facts) {}

        @Override
        List<X509CRL> explicitCrls() {
            return List.of();
        }
    }

    static final class Explicit extends Revocation {
        private final List<X509CRL> crls;

        Explicit(List<X509CRL> crls) {
            this.crls = crls;
        }

        @Override
        List<X509CRL> explicitCrls() {
            return crls;
        }

        @Override
        void checkOne(X509Certificate cert, Issuer issuer, Instant at, List<String> facts) {
            String firstProblem = "no CRL from " + issuer.name().getName();
            for (X509CRL crl : crls) {
                if (!crl.getIssuerX500Principal().equals(issuer.name())) {
                    continue;
                }
                String problem = evaluate(crl, cert, issuer, at, false);
                if (problem == null) {
                    facts.add("not revoked: " + cert.getSubjectX500Principal().getName() + " (CRL of "
                            + issuer.name().getName() + ", thisUpdate "
                            + crl.getThisUpdate().toInstant() + ")");
                    return;
                }
                firstProblem = problem;
            }
            throw new SignatureRefusal(
                    RefusalReason.REVOCATION_UNKNOWN,
                    "revocation status unknown for "
                            + cert.getSubjectX500Principal().getName() + ": " + firstProblem);
        }
    }

    static final class FromSource extends Revocation {
        private final CrlSource source;
        private final RevocationMode mode;

        FromSource(CrlSource source, RevocationMode mode) {
            this.source = source;
            this.mode = mode;
        }

        @Override
        List<X509CRL> explicitCrls() {
            return null;
        }

        @Override
        void checkOne(X509Certificate cert, Issuer issuer, Instant at, List<String> facts) {
            List<URI> points = distributionPoints(cert);
            if (points.isEmpty()) {
                return;
            }
            String problem = "no CRL obtained";
            for (URI uri : points) {
                X509CRL crl;
                try {
                    crl = source.crlFor(uri, issuer.certificate()).orElse(null);
                } catch (RuntimeException e) {
                    problem = "CRL source failed for " + uri + ": " + e.getMessage();
                    continue;
                }
                if (crl == null) {
                    problem = "no CRL obtained from " + uri;
                    continue;
                }
                String p = evaluate(crl, cert, issuer, at, true);
                if (p == null) {
                    facts.add("not revoked: " + cert.getSubjectX500Principal().getName() + " (" + uri + ")");
                    return;
                }
                problem = p;
            }
            if (mode == RevocationMode.REQUIRE) {
                throw new SignatureRefusal(
                        RefusalReason.REVOCATION_UNKNOWN,
                        "revocation status unknown for "
                                + cert.getSubjectX500Principal().getName() + ": " + problem);
            }
            facts.add(
                    "revocation not checked: " + cert.getSubjectX500Principal().getName() + " (" + problem + ")");
        }
    }

    /** The http(s)/ldap/file URIs of the certificate's CRL distribution points. */
    static List<URI> distributionPoints(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (ext == null) {
            return List.of();
        }
        List<URI> out = new ArrayList<>();
        try {
            CRLDistPoint dps =
                    CRLDistPoint.getInstance(ASN1OctetString.getInstance(ext).getOctets());
            for (DistributionPoint dp : dps.getDistributionPoints()) {
                DistributionPointName name = dp.getDistributionPoint();
                if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName gn : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (gn.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        try {
                            out.add(URI.create(gn.getName().toString()));
                        } catch (IllegalArgumentException ignored) {
                            // a malformed URI is not a usable distribution point
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return out;
    }

    /**
     * Returns null when the CRL is usable and does not revoke the certificate at {@code at}; throws REVOKED when it
     * does; otherwise returns why the CRL cannot be used.
     */
    static String evaluate(X509CRL crl, X509Certificate cert, Issuer issuer, Instant at, boolean requireIssuedBefore) {
        if (!crl.getIssuerX500Principal().equals(issuer.name())) {
            return "CRL issuer does not match";
        }
        if (issuer.certificate() != null) {
            boolean[] ku = issuer.certificate().getKeyUsage();
            if (ku != null && (ku.length < 7 || !ku[6])) {
                return "CRL issuer lacks the cRLSign key usage";
            }
        }
        Set<String> critical = crl.getCriticalExtensionOIDs();
        if (critical != null) {
            for (String oid : critical) {
                if (!KNOWN_CRL_EXTENSIONS.contains(oid)) {
                    return "CRL has an unsupported critical extension " + oid;
                }
            }
        }
        if (crl.getExtensionValue(Extension.deltaCRLIndicator.getId()) != null) {
            return "delta CRLs are not supported as complete CRLs";
        }
        if (crl.getNextUpdate() == null) {
            return "CRL has no nextUpdate";
        }
        if (crl.getNextUpdate().toInstant().isBefore(at)) {
            return "CRL is stale (nextUpdate " + crl.getNextUpdate().toInstant() + ")";
        }
        if (requireIssuedBefore && crl.getThisUpdate().toInstant().isAfter(at.plus(ISSUE_SKEW))) {
            return "CRL thisUpdate is in the future";
        }
        String scope = scopeProblem(crl, cert);
        if (scope != null) {
            return scope;
        }
        if (!verified(crl, issuer.key())) {
            return "CRL signature does not verify";
        }
        X509CRLEntry entry = crl.getRevokedCertificate(cert.getSerialNumber());
        if (entry != null) {
            Set<String> entryCritical = entry.getCriticalExtensionOIDs();
            if (entryCritical != null && !entryCritical.isEmpty()) {
                return "CRL entry has unsupported critical extensions";
            }
            if (entry.getCertificateIssuer() != null
                    && !entry.getCertificateIssuer().equals(cert.getIssuerX500Principal())) {
                return null;
            }
            CRLReason reason = entry.getRevocationReason();
            if (reason == CRLReason.REMOVE_FROM_CRL) {
                return null;
            }
            if (!entry.getRevocationDate().toInstant().isAfter(at)) {
                throw new SignatureRefusal(
                        RefusalReason.REVOKED,
                        "certificate " + cert.getSubjectX500Principal().getName() + " (serial "
                                + cert.getSerialNumber().toString(16) + ") was revoked on "
                                + entry.getRevocationDate().toInstant()
                                + (reason == null ? "" : " (" + reason + ")"));
            }
        }
        return null;
    }

    private static String scopeProblem(X509CRL crl, X509Certificate cert) {
        byte[] ext = crl.getExtensionValue(Extension.issuingDistributionPoint.getId());
        if (ext == null) {
            return null;
        }
        IssuingDistributionPoint idp = IssuingDistributionPoint.getInstance(
                ASN1OctetString.getInstance(ext).getOctets());
        boolean ca = cert.getBasicConstraints() >= 0;
        if (idp.onlyContainsAttributeCerts() || idp.isIndirectCRL() || idp.getOnlySomeReasons() != null) {
            return "partitioned or indirect CRLs are not supported";
        }
        if (idp.onlyContainsUserCerts() && ca) {
            return "CRL covers end-entity certificates only";
        }
        if (idp.onlyContainsCACerts() && !ca) {
            return "CRL covers CA certificates only";
        }
        return null;
    }

    private static boolean verified(X509CRL crl, PublicKey key) {
        CrlKey k = new CrlKey(crl, key);
        Boolean known = VERIFIED.get(k);
        if (known != null) {
            return known;
        }
        boolean ok;
        try {
            crl.verify(key, Bc.PROVIDER);
            ok = true;
        } catch (Exception e) {
            ok = false;
        }
        if (VERIFIED.size() > 1024) {
            VERIFIED.clear();
        }
        VERIFIED.put(k, ok);
        return ok;
    }
}
