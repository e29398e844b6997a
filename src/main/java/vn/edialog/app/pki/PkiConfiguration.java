package vn.edialog.app.pki;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import vn.edialog.command.signature.IdentityIssuers;
import vn.edialog.command.signature.IdentityType;
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

    private static final Logger log = LoggerFactory.getLogger(PkiConfiguration.class);

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

    /**
     * Which CAs may issue business, citizen and agency identities, per tenant: the configured common ones, the
     * tenant's own, and the demo PKI's. Nothing configured at all leaves the identity type unrestricted.
     */
    @Bean
    IdentityIssuers identityIssuers(PkiProperties properties, ObjectProvider<DemoPki> demo, Tenants tenants) {
        DemoPki pki = demo.getIfAvailable();
        return identityIssuers(properties, pki == null ? Map.of() : pki.identityIssuers(), tenants.all());
    }

    /**
     * The identity issuers of {@code tenants}: the common CAs of {@code properties} and {@code demo}, then each tenant's
     * own. Nothing configured at all leaves the identity type unrestricted.
     */
    static IdentityIssuers identityIssuers(
            PkiProperties properties, Map<IdentityType, List<X509Certificate>> demo, List<Tenant> tenants) {
        Map<IdentityType, List<X509Certificate>> common = new EnumMap<>(IdentityType.class);
        properties.identityIssuers().forEach((type, files) -> add(common, type, files, "edialog.pki.identity-issuers"));
        demo.forEach((type, cas) ->
                common.computeIfAbsent(type, t -> new ArrayList<>()).addAll(cas));
        properties.tenantIdentityIssuers().keySet().forEach(code -> {
            if (tenants.stream().noneMatch(tenant -> tenant.code().equals(code))) {
                throw new IllegalStateException("edialog.pki.tenant-identity-issuers names an unknown tenant " + code);
            }
        });
        if (common.isEmpty() && properties.tenantIdentityIssuers().isEmpty()) {
            log.warn("No edialog.pki.identity-issuers configured: every trusted CA may issue business, citizen and"
                    + " agency certificates");
            return IdentityIssuers.any();
        }
        Map<String, Map<IdentityType, Collection<X509Certificate>>> perTenant = new HashMap<>();
        for (Tenant tenant : tenants) {
            Map<IdentityType, List<X509Certificate>> own = new EnumMap<>(IdentityType.class);
            common.forEach((type, cas) -> own.put(type, new ArrayList<>(cas)));
            properties
                    .tenantIdentityIssuers()
                    .getOrDefault(tenant.code(), Map.of())
                    .forEach((type, files) ->
                            add(own, type, files, "edialog.pki.tenant-identity-issuers." + tenant.code()));
            perTenant.put(tenant.code(), Map.copyOf(own));
        }
        return IdentityIssuers.perTenant(perTenant);
    }

    private static void add(
            Map<IdentityType, List<X509Certificate>> into, String type, List<Path> files, String property) {
        IdentityType parsed = IdentityType.parse(type)
                .orElseThrow(() -> new IllegalStateException(
                        property + "." + type + ": the identity type must be business, citizen or agency"));
        List<Path> present = files == null
                ? List.of()
                : files.stream()
                        .filter(file -> file != null && !file.toString().isBlank())
                        .toList();
        if (present.isEmpty()) {
            return; // an empty environment variable configures nothing
        }
        List<X509Certificate> cas = into.computeIfAbsent(parsed, t -> new ArrayList<>());
        present.forEach(file -> cas.addAll(PemFiles.readCertificates(file)));
    }

    @Bean
    EnvelopeVerifier envelopeVerifier(
            PkiProperties properties, TrustAnchors anchors, CrlSource crls, Clock clock, IdentityIssuers issuers) {
        SignaturePolicy policy = SignaturePolicy.defaults()
                .withRevocation(properties.revocation())
                .withMaxSkew(properties.maxSkew());
        return new EnvelopeVerifier(policy, anchors, crls, clock, issuers);
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
