package vn.edialog.command.signature;

import java.net.URI;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/** A fixed, in-memory set of CRLs indexed by issuer name. */
final class CollectionCrlSource implements CrlSource {

    private final Map<X500Principal, List<X509CRL>> byIssuer;

    CollectionCrlSource(Collection<X509CRL> crls) {
        this.byIssuer = crls.stream()
                .collect(Collectors.groupingBy(X509CRL::getIssuerX500Principal, Collectors.toUnmodifiableList()));
    }

    @Override
    public Optional<X509CRL> crlFor(URI distributionPoint, X509Certificate issuer) {
        if (issuer == null) {
            return Optional.empty();
        }
        List<X509CRL> list = byIssuer.get(issuer.getSubjectX500Principal());
        if (list == null) {
            return Optional.empty();
        }
        X509CRL best = null;
        for (X509CRL crl : list) {
            if (best == null || crl.getThisUpdate().after(best.getThisUpdate())) {
                best = crl;
            }
        }
        return Optional.ofNullable(best);
    }
}
