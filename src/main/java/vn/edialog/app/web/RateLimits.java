package vn.edialog.app.web;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets per client address and per signing certificate, in PostgreSQL (Bucket4j's select-for-update proxy
 * manager on {@code rate_limit_bucket}), so that every node counts against the same buckets. Should the database not
 * answer, the request passes (logged): the limiter must not itself stop the product.
 */
@Component
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    /** What is limited, with its per-minute allowance. */
    public enum Kind {
        TRACKING,
        SIGN_IN_CHALLENGE,
        SIGNED_COMMAND,
        SIGNED_COMMAND_CERTIFICATE,
        STAFF_PASSWORD
    }

    /** The outcome: allowed, or refused until {@code retryAfter}. */
    public record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** Whole seconds to wait, at least one: the value of {@code Retry-After}. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private final RateLimitProperties properties;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    RateLimits(RateLimitProperties properties, DataSource dataSource) {
        this.properties = properties;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Takes one token from the bucket of {@code subject} (an address or a certificate digest) for {@code kind}. */
    public Decision consume(Kind kind, String subject) {
        if (!properties.enabled()) {
            return Decision.ALLOWED;
        }
        int perMinute = perMinute(kind);
        String key = kind.name().toLowerCase(java.util.Locale.ROOT) + "|" + subject;
        if (key.length() > 200) {
            key = kind.name().toLowerCase(java.util.Locale.ROOT) + "|sha256:" + sha256(subject);
        }
        try {
            ConsumptionProbe probe = buckets.builder()
                    .build(key, () -> BucketConfiguration.builder()
                            .addLimit(limit ->
                                    limit.capacity(perMinute).refillGreedy(perMinute, RateLimitProperties.PERIOD))
                            .build())
                    .tryConsumeAndReturnRemaining(1);
            return probe.isConsumed()
                    ? Decision.ALLOWED
                    : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        } catch (RuntimeException e) {
            log.warn("Rate limit {} not checked: {}", kind, e.toString());
            return Decision.ALLOWED;
        }
    }

    int perMinute(Kind kind) {
        return switch (kind) {
            case TRACKING -> properties.trackingPerMinute();
            case SIGN_IN_CHALLENGE -> properties.signInChallengesPerMinute();
            case SIGNED_COMMAND -> properties.signedCommandsPerMinute();
            case SIGNED_COMMAND_CERTIFICATE -> properties.signedCommandsPerCertificatePerMinute();
            case STAFF_PASSWORD -> properties.staffPasswordAttemptsPerMinute();
        };
    }

    /** Full buckets' rows are only state nobody needs: removed every ten minutes. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void removeExpired() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(1000);
            } while (removed == 1000);
        } catch (RuntimeException e) {
            log.warn("Expired rate limit buckets not removed: {}", e.toString());
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
