package vn.edialog.app.pki;

import java.net.http.HttpClient;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.edialog.command.signature.PemFiles;
import vn.edialog.command.signature.TrustAnchors;
import vn.edialog.command.timestamp.TimeStampAuthority;
import vn.edialog.command.timestamp.TimeStampClient;
import vn.edialog.command.timestamp.TimeStampVerifier;

/**
 * Time-stamping (ADR 016): the configured RFC 3161 authorities in order, or on the embedded default the demo
 * authority, asked in the process; tokens are trusted when their authority chains to a configured time-stamping root,
 * a signature trust anchor or the demo root.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimeStampProperties.class)
class TimeStampConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TimeStampConfiguration.class);

    @Bean
    TimeStamping timeStamping(
            TimeStampProperties properties,
            PkiProperties pki,
            ObjectProvider<DemoPki> demo,
            TrustAnchors signatureAnchors,
            Clock clock) {
        List<X509Certificate> roots = new ArrayList<>();
        properties.trust().forEach(path -> roots.addAll(PemFiles.readCertificates(path)));
        pki.trustAnchors().forEach(path -> roots.addAll(PemFiles.readCertificates(path)));
        DemoPki demoPki = demo.getIfAvailable();
        if (demoPki != null) {
            roots.addAll(demoPki.roots());
        }
        Set<TrustAnchor> anchors = new HashSet<>(TrustAnchors.anchorsOf(roots));
        TimeStampVerifier verifier = new TimeStampVerifier(anchors);
        Optional<TimeStampAuthority> authority = Optional.ofNullable(demoPki)
                .flatMap(DemoPki::timeStamping)
                .map(credential -> new TimeStampAuthority(credential, TimeStampAuthority.DEMO_POLICY, clock));
        ASN1ObjectIdentifier policy =
                properties.policy() == null ? null : new ASN1ObjectIdentifier(properties.policy());
        List<TimeStampClient.Authority> authorities = new ArrayList<>();
        if (!properties.urls().isEmpty()) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(properties.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            properties
                    .urls()
                    .forEach(url -> authorities.add(TimeStampClient.Authority.http(url, http, properties.timeout())));
        } else {
            authority.ifPresent(demoAuthority ->
                    authorities.add(TimeStampClient.Authority.local(demoAuthority, "the demo authority (/pki/tsa)")));
        }
        Optional<TimeStampClient> client = authorities.isEmpty()
                ? Optional.empty()
                : Optional.of(new TimeStampClient(authorities, policy, verifier));
        TimeStamping timeStamping = new TimeStamping(client, verifier, roots, authority, properties.mode());
        log.info("Time-stamping: {}", timeStamping.describe());
        return timeStamping;
    }
}
