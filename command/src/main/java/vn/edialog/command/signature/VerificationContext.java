package vn.edialog.command.signature;

import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a CLI verification checks against: trust anchors, extra untrusted certificates, CRLs (when non-empty they must
 * cover every certificate of the path), the verification instant, the profile and the minimum RSA size.
 */
public record VerificationContext(
        Set<TrustAnchor> anchors,
        List<X509Certificate> untrusted,
        List<X509CRL> crls,
        Instant at,
        Profile profile,
        int minRsaBits) {

    public VerificationContext {
        anchors = Set.copyOf(anchors);
        untrusted = List.copyOf(untrusted);
        crls = List.copyOf(crls);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(profile, "profile");
    }

    /** EDIALOG profile, no extra certificates, no CRLs, RSA ≥ 2048. */
    public static VerificationContext of(Set<TrustAnchor> anchors, Instant at) {
        return new VerificationContext(anchors, List.of(), List.of(), at, Profile.EDIALOG, 2048);
    }

    public VerificationContext withCrls(List<X509CRL> list) {
        return new VerificationContext(anchors, untrusted, list, at, profile, minRsaBits);
    }

    public VerificationContext withUntrusted(List<X509Certificate> list) {
        return new VerificationContext(anchors, list, crls, at, profile, minRsaBits);
    }

    public VerificationContext withProfile(Profile p) {
        return new VerificationContext(anchors, untrusted, crls, at, p, minRsaBits);
    }

    public VerificationContext withAt(Instant instant) {
        return new VerificationContext(anchors, untrusted, crls, instant, profile, minRsaBits);
    }
}
