package vn.edialog.app.pki;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.edialog.command.signature.RevocationMode;

/**
 * What signatures are trusted.
 *
 * @param trustAnchors PEM files whose certificates are trust anchors for every tenant ({@code
 *     EDIALOG_PKI_TRUST_ANCHORS}, comma-separated)
 * @param tenantTrustAnchors further anchors per tenant code
 * @param crls CRL files (PEM or DER) consulted before fetching a certificate's distribution point
 * @param revocation {@code require}, {@code when-available} or {@code off}
 * @param maxSkew how far a payload's signedAt may be from the time of receipt
 * @param demo create and trust a demo PKI under {@code ${edialog.data-dir}/pki}
 * @param identityIssuers PEM files of the CAs that may issue each identity type ({@code business}, {@code citizen},
 *     {@code agency}) for every tenant; when neither this nor {@code tenantIdentityIssuers} names any CA (and there
 *     is no demo PKI), every anchored CA may issue every type
 * @param tenantIdentityIssuers further such CAs per tenant code and identity type
 */
@ConfigurationProperties("edialog.pki")
public record PkiProperties(
        List<Path> trustAnchors,
        Map<String, List<Path>> tenantTrustAnchors,
        List<Path> crls,
        RevocationMode revocation,
        Duration maxSkew,
        boolean demo,
        Map<String, List<Path>> identityIssuers,
        Map<String, Map<String, List<Path>>> tenantIdentityIssuers) {

    public PkiProperties {
        trustAnchors = present(trustAnchors);
        tenantTrustAnchors = tenantTrustAnchors == null ? Map.of() : Map.copyOf(tenantTrustAnchors);
        crls = present(crls);
        revocation = revocation == null ? RevocationMode.WHEN_AVAILABLE : revocation;
        maxSkew = maxSkew == null ? Duration.ofMinutes(5) : maxSkew;
        identityIssuers = identityIssuers == null ? Map.of() : Map.copyOf(identityIssuers);
        tenantIdentityIssuers = tenantIdentityIssuers == null ? Map.of() : Map.copyOf(tenantIdentityIssuers);
    }

    /** An empty environment variable binds as a list holding one empty entry: drop those. */
    private static List<Path> present(List<Path> files) {
        return files == null
                ? List.of()
                : files.stream()
                        .filter(file -> file != null && !file.toString().isBlank())
                        .toList();
    }
}
