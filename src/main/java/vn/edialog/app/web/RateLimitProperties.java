package vn.edialog.app.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits ({@code edialog.rate-limits.*}): requests a client address (or a signing certificate) may make per
 * minute, refilled continuously. Addresses are {@code request.getRemoteAddr()}: behind a reverse proxy set {@code
 * server.forward-headers-strategy=native} (env {@code EDIALOG_FORWARD_HEADERS}) so that it is the client's, taken from
 * {@code X-Forwarded-For} of trusted proxies only.
 *
 * @param enabled off only for load tests
 * @param trackingPerMinute tracking lookups (page and API) per client address
 * @param signInChallengesPerMinute certificate sign-in challenges per client address
 * @param signedCommandsPerMinute signed commands (ask, clarify, rate, reopen) per client address
 * @param signedCommandsPerCertificatePerMinute signed commands per signing certificate
 * @param staffPasswordAttemptsPerMinute officials' password attempts (sign-in page, Tasklist login) per client address
 */
@ConfigurationProperties("edialog.rate-limits")
public record RateLimitProperties(
        Boolean enabled,
        Integer trackingPerMinute,
        Integer signInChallengesPerMinute,
        Integer signedCommandsPerMinute,
        Integer signedCommandsPerCertificatePerMinute,
        Integer staffPasswordAttemptsPerMinute) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        trackingPerMinute = positive(trackingPerMinute, 60);
        signInChallengesPerMinute = positive(signInChallengesPerMinute, 20);
        signedCommandsPerMinute = positive(signedCommandsPerMinute, 30);
        signedCommandsPerCertificatePerMinute = positive(signedCommandsPerCertificatePerMinute, 20);
        staffPasswordAttemptsPerMinute = positive(staffPasswordAttemptsPerMinute, 10);
    }

    private static int positive(Integer value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value < 1) {
            throw new IllegalArgumentException("edialog.rate-limits.* must be at least 1, not " + value);
        }
        return value;
    }

    static final Duration PERIOD = Duration.ofMinutes(1);
}
