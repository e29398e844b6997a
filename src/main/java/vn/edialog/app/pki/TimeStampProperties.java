package vn.edialog.app.pki;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where time-stamps come from.
 *
 * @param urls RFC 3161 authorities over HTTP, asked in this order ({@code EDIALOG_TSA_URLS}, comma-separated); none:
 *     the demo authority of the embedded default, when there is one
 * @param trust PEM files of the roots the authorities' certificates must chain to ({@code EDIALOG_TSA_TRUST}), beside
 *     the signatures' trust anchors and the demo root
 * @param policy the policy OID asked of the authorities ({@code EDIALOG_TSA_POLICY}); empty: each one's default
 * @param timeout how long one authority may take to answer
 * @param mode {@code deferred}: a message is accepted at once and its signature stamped within moments, also while
 *     no authority answers; {@code require}: a message is accepted only with its time-stamp, else refused with 503
 *     ({@code EDIALOG_TSA_MODE})
 */
@ConfigurationProperties("edialog.tsa")
public record TimeStampProperties(List<URI> urls, List<Path> trust, String policy, Duration timeout, Mode mode) {

    /** When a message's signature is time-stamped. */
    public enum Mode {
        DEFERRED,
        REQUIRE
    }

    public TimeStampProperties {
        urls = urls == null
                ? List.of()
                : urls.stream().filter(url -> !url.toString().isBlank()).toList();
        trust = trust == null
                ? List.of()
                : trust.stream().filter(path -> !path.toString().isBlank()).toList();
        policy = policy == null || policy.isBlank() ? null : policy.strip();
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        mode = mode == null ? Mode.DEFERRED : mode;
    }
}
