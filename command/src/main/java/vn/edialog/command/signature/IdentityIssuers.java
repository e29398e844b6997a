package vn.edialog.command.signature;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Which certification authorities may issue certificates of which identity type, per tenant. A CA is named by its
 * certificate and matched by subject name and public key, so a re-issued CA certificate with the same key still
 * matches while another CA of the same name does not. The CA that counts is the direct issuer of the signer's
 * certificate in the validated path.
 */
@FunctionalInterface
public interface IdentityIssuers {

    /** Whether the CA with {@code issuerName} and {@code issuerKey} may issue {@code type} identities in {@code tenant}. */
    boolean allows(String tenant, IdentityType type, X500Principal issuerName, PublicKey issuerKey);

    /** No restriction: any CA with a path to the tenant's anchors may issue any identity type. */
    static IdentityIssuers any() {
        return (tenant, type, name, key) -> true;
    }

    /**
     * CAs per identity type, per tenant; a tenant without an entry, or a type without CAs, is refused every
     * identity of that type.
     */
    static IdentityIssuers perTenant(Map<String, Map<IdentityType, Collection<X509Certificate>>> issuers) {
        Map<String, Map<IdentityType, Set<Ca>>> copy = new HashMap<>();
        issuers.forEach((tenant, byType) -> {
            Map<IdentityType, Set<Ca>> cas = new EnumMap<>(IdentityType.class);
            byType.forEach((type, certificates) ->
                    cas.put(type, Set.copyOf(certificates.stream().map(Ca::of).toList())));
            copy.put(tenant, cas);
        });
        return (tenant, type, name, key) -> copy.getOrDefault(tenant, Map.of())
                .getOrDefault(type, Set.of())
                .contains(new Ca(name, key.getEncoded()));
    }

    /** A CA as subject name and encoded public key. */
    record Ca(X500Principal name, byte[] key) {
        static Ca of(X509Certificate certificate) {
            return new Ca(
                    certificate.getSubjectX500Principal(),
                    certificate.getPublicKey().getEncoded());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ca c && c.name.equals(name) && Arrays.equals(c.key, key);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(key);
        }

        @Override
        public String toString() {
            return name.getName();
        }
    }
}
