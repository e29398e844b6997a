package vn.edialog.command.signature;

import java.security.PublicKey;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/** Trust anchors indexed by subject name; built once per anchor set and cached by the verifiers. */
final class AnchorIndex {

    private final Set<TrustAnchor> source;
    private final Map<X500Principal, List<TrustAnchor>> byName = new HashMap<>();
    private final Set<X509Certificate> anchorCerts;

    private AnchorIndex(Set<TrustAnchor> anchors) {
        this.source = anchors;
        List<X509Certificate> certs = new ArrayList<>();
        for (TrustAnchor a : anchors) {
            byName.computeIfAbsent(name(a), k -> new ArrayList<>()).add(a);
            if (a.getTrustedCert() != null) {
                certs.add(a.getTrustedCert());
            }
        }
        this.anchorCerts = Set.copyOf(certs);
    }

    static AnchorIndex of(Set<TrustAnchor> anchors) {
        return new AnchorIndex(anchors == null ? Set.of() : anchors);
    }

    Set<TrustAnchor> source() {
        return source;
    }

    boolean isEmpty() {
        return byName.isEmpty();
    }

    List<TrustAnchor> byName(X500Principal name) {
        return byName.getOrDefault(name, List.of());
    }

    boolean isAnchorCertificate(X509Certificate c) {
        return anchorCerts.contains(c);
    }

    static X500Principal name(TrustAnchor a) {
        return a.getTrustedCert() != null ? a.getTrustedCert().getSubjectX500Principal() : a.getCA();
    }

    static PublicKey key(TrustAnchor a) {
        return a.getTrustedCert() != null ? a.getTrustedCert().getPublicKey() : a.getCAPublicKey();
    }
}
