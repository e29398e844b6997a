package vn.edialog.command.timestamp;

import java.net.URI;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.tsp.TimeStampToken;
import vn.edialog.command.signature.CrlSource;

/**
 * The certificate and revocation values of a CAdES-BASELINE-LT signature (ETSI EN 319 122-1, 5.5): every certificate
 * of the signer's path and of its time-stamping authority's path up to their roots, and for every certificate but a
 * root the CRL of each of its distribution points, as the CRL source gives it now. What cannot be had is named, never
 * guessed.
 */
public record ValidationValues(List<X509Certificate> certificates, List<X509CRL> crls, List<String> missing) {

    public ValidationValues {
        certificates = List.copyOf(certificates);
        crls = List.copyOf(crls);
        missing = List.copyOf(missing);
    }

    /**
     * The values that validate {@code cms} (with the signer's {@code chain} as stored beside it) and its
     * signature-time-stamp {@code token}, with the {@code roots} the paths end at and the CRLs {@code source} gives.
     */
    public static ValidationValues of(
            byte[] cms,
            List<X509Certificate> chain,
            TimeStampToken token,
            Collection<X509Certificate> roots,
            CrlSource source) {
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        for (X509Certificate certificate : chain) {
            certificates.putIfAbsent(key(certificate), certificate);
        }
        for (X509Certificate certificate : CadesSignatures.certificates(cms)) {
            certificates.putIfAbsent(key(certificate), certificate);
        }
        if (token != null) {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(TimeStampVerifier.BC);
            for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
                try {
                    X509Certificate certificate = converter.getCertificate(holder);
                    certificates.putIfAbsent(key(certificate), certificate);
                } catch (java.security.cert.CertificateException e) {
                    throw new IllegalArgumentException("the time-stamp carries a certificate that does not parse", e);
                }
            }
        }
        // The roots the paths end at, so that the values are whole.
        for (X509Certificate root : roots) {
            X500Principal subject = root.getSubjectX500Principal();
            if (certificates.values().stream()
                    .anyMatch(c -> c.getIssuerX500Principal().equals(subject))) {
                certificates.putIfAbsent(key(root), root);
            }
        }
        List<X509CRL> crls = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (X509Certificate certificate : certificates.values()) {
            if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                continue; // a root is trusted as it is
            }
            Optional<X509Certificate> issuer = certificates.values().stream()
                    .filter(c -> c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                    .findFirst();
            if (issuer.isEmpty()) {
                missing.add(
                        "the issuer of " + certificate.getSubjectX500Principal().getName());
                continue;
            }
            for (URI point : CrlSource.distributionPoints(certificate)) {
                if (!seen.add(point + "|" + issuer.get().getSubjectX500Principal())) {
                    continue;
                }
                Optional<X509CRL> crl = source.crlFor(point, issuer.get());
                if (crl.isPresent()) {
                    crls.add(crl.get());
                } else {
                    missing.add("the CRL at " + point);
                }
            }
        }
        return new ValidationValues(new ArrayList<>(certificates.values()), crls, missing);
    }

    private static String key(X509Certificate certificate) {
        return certificate.getSerialNumber() + "@" + certificate.getIssuerX500Principal();
    }
}
