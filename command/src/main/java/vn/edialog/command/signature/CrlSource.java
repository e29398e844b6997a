package vn.edialog.command.signature;

import java.net.URI;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/** Where CRLs come from: a CRL distribution point URI and the issuer certificate (null when the anchor has none). */
@FunctionalInterface
public interface CrlSource {

    Optional<X509CRL> crlFor(URI distributionPoint, X509Certificate issuer);

    /** A fixed collection of CRLs, matched by issuer name (the most recent thisUpdate wins); the URI is ignored. */
    static CrlSource of(Collection<X509CRL> crls) {
        return new CollectionCrlSource(crls);
    }

    /** CRLs read from PEM or DER files (see {@link PemFiles#readCrls(java.nio.file.Path)}). */
    static CrlSource fromFiles(Collection<java.nio.file.Path> files) {
        java.util.List<X509CRL> all = new java.util.ArrayList<>();
        for (java.nio.file.Path p : files) {
            all.addAll(PemFiles.readCrls(p));
        }
        return of(all);
    }

    /** The http(s), ldap or file URIs of a certificate's CRL distribution points, in its order. */
    static java.util.List<URI> distributionPoints(X509Certificate certificate) {
        return Revocation.distributionPoints(certificate);
    }

    /** No CRLs at all. */
    static CrlSource none() {
        return (uri, issuer) -> Optional.empty();
    }

    /** Fetches http(s) distribution points, caching each CRL until its nextUpdate. */
    static CrlSource http(Duration timeout) {
        return new HttpCrlSource(timeout, java.time.Clock.systemUTC());
    }
}
