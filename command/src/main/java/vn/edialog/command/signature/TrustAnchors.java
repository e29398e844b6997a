package vn.edialog.command.signature;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The trust anchors accepted for a tenant; return the same Set instance on each call so verifiers can cache it. */
@FunctionalInterface
public interface TrustAnchors {

    Set<TrustAnchor> forTenant(String tenant);

    /** The same anchors for every tenant. */
    static TrustAnchors of(Set<TrustAnchor> anchors) {
        Set<TrustAnchor> copy = Set.copyOf(anchors);
        return tenant -> copy;
    }

    /** The same anchors, made from certificates, for every tenant. */
    static TrustAnchors ofCertificates(Collection<X509Certificate> certificates) {
        return of(anchorsOf(certificates));
    }

    /** Per-tenant anchors; an unknown tenant has none. */
    static TrustAnchors perTenant(Map<String, Set<TrustAnchor>> anchors) {
        Map<String, Set<TrustAnchor>> copy = Map.copyOf(anchors);
        return tenant -> copy.getOrDefault(tenant, Set.of());
    }

    /** Trust anchors made from certificates (no name constraints). */
    static Set<TrustAnchor> anchorsOf(Collection<X509Certificate> certificates) {
        Set<TrustAnchor> set = new HashSet<>();
        for (X509Certificate c : certificates) {
            set.add(new TrustAnchor(c, null));
        }
        return Set.copyOf(set);
    }
}
