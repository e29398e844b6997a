package vn.edialog.app.pki;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.command.signature.CmsSigner;
import vn.edialog.command.signature.CrlSource;
import vn.edialog.command.signature.EnvelopeVerifier;
import vn.edialog.command.signature.KeyStoreSigner;
import vn.edialog.command.signature.PemFiles;
import vn.edialog.command.signature.SignaturePolicy;
import vn.edialog.command.signature.TrustAnchors;
import vn.edialog.command.tenant.Tenant;

/**
 * Trust (anchors per tenant, CRLs), the envelope verifier with the configured policy, and the server's signing keys.
 * On the embedded default the demo PKI adds its root, CRLs and keys to whatever is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PkiProperties.class, SigningProperties.class})
public class PkiConfiguration {

    @Bean
    @ConditionalOnProperty(name = "edialog.pki.demo", havingValue = "true")
    DemoPki demoPki(
            @Value("${edialog.data-dir:./data}") Path dataDir,
            @Value("${edialog.public-url:http://localhost:${server.port:8080}}") URI publicUrl,
            Tenants tenants,
            Clock clock) {
        return DemoPki.ensure(dataDir.resolve("pki"), publicUrl, tenants.all(), clock);
    }

    @Bean
    TrustAnchors trustAnchors(PkiProperties properties, ObjectProvider<DemoPki> demo, Tenants tenants) {
        List<X509Certificate> common = new ArrayList<>();
        properties.trustAnchors().forEach(file -> common.addAll(PemFiles.readCertificates(file)));
        demo.ifAvailable(pki -> common.addAll(pki.roots()));
        Map<String, Set<TrustAnchor>> perTenant = new HashMap<>();
        for (Tenant tenant : tenants.all()) {
            List<X509Certificate> certificates = new ArrayList<>(common);
            properties
                    .tenantTrustAnchors()
                    .getOrDefault(tenant.code(), List.of())
                    .forEach(file -> certificates.addAll(PemFiles.readCertificates(file)));
            perTenant.put(tenant.code(), TrustAnchors.anchorsOf(certificates));
        }
        return TrustAnchors.perTenant(perTenant);
    }

    /** Configured CRL files and the demo CRLs first; then the certificate's own distribution point over HTTP. */
    @Bean
    CrlSource crlSource(PkiProperties properties, ObjectProvider<DemoPki> demo, Clock clock) {
        List<Path> files = new ArrayList<>(properties.crls());
        demo.ifAvailable(pki -> files.addAll(pki.crlFiles()));
        CrlSource local = CrlSource.fromFiles(files);
        CrlSource http = CrlSource.http(Duration.ofSeconds(10));
        return (uri, issuer) -> {
            var found = local.crlFor(uri, issuer);
            return found.isPresent() ? found : http.crlFor(uri, issuer);
        };
    }

    @Bean
    EnvelopeVerifier envelopeVerifier(PkiProperties properties, TrustAnchors anchors, CrlSource crls, Clock clock) {
        SignaturePolicy policy = SignaturePolicy.defaults()
                .withRevocation(properties.revocation())
                .withMaxSkew(properties.maxSkew());
        return new EnvelopeVerifier(policy, anchors, crls, clock);
    }

    @Bean
    ServerSigners serverSigners(SigningProperties properties, ObjectProvider<DemoPki> demo, Tenants tenants) {
        DemoPki pki = demo.getIfAvailable();
        CmsSigner system = Optional.ofNullable(properties.system())
                .map(PkiConfiguration::signer)
                .orElseGet(() -> pki == null ? null : pki.systemSigner());
        Map<String, CmsSigner> agencies = new LinkedHashMap<>();
        if (pki != null) {
            agencies.putAll(pki.agencySigners(tenants.all()));
        }
        properties
                .agencies()
                .forEach((tenant, keys) ->
                        keys.forEach((agency, key) -> agencies.put(ServerSigners.key(tenant, agency), signer(key))));
        return new ServerSigners(system, agencies);
    }

    static CmsSigner signer(SigningProperties.Key key) {
        char[] secret = key.password() == null ? new char[0] : key.password().toCharArray();
        if (key.pkcs11Config() != null) {
            return KeyStoreSigner.fromPkcs11(key.pkcs11Config(), secret, key.alias());
        }
        if (key.keyStore() == null) {
            throw new IllegalStateException("A signing key needs key-store (PKCS#12) or pkcs11-config");
        }
        return KeyStoreSigner.fromPkcs12(key.keyStore(), secret);
    }
}
