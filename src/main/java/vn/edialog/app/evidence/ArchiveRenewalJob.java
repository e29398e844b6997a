package vn.edialog.app.evidence;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.edialog.app.pki.TimeStamping;

/**
 * Checks every {@code EDIALOG_ARCHIVE_CHECK_INTERVAL} (1 hour) whether the store's archive time-stamps are due
 * ({@link ArchiveTimeStamps}): time-stamps waiting longer than {@code EDIALOG_ARCHIVE_INTERVAL} (30 days), or an
 * authority ending within {@code EDIALOG_ARCHIVE_RENEW_BEFORE} (365 days).
 */
@Component
@ConditionalOnProperty(name = "edialog.side-effects", havingValue = "true", matchIfMissing = true)
class ArchiveRenewalJob {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TimeStamping timeStamping;
    private final Clock clock;
    private final ArchiveTimeStamps.Policy policy;

    ArchiveRenewalJob(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            TimeStamping timeStamping,
            Clock clock,
            @Value("${edialog.archive.interval:P30D}") Duration interval,
            @Value("${edialog.archive.renew-before:P365D}") Duration renewBefore,
            @Value("${edialog.archive.max-leaves:1000000}") int maxLeaves) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.timeStamping = timeStamping;
        this.clock = clock;
        this.policy = new ArchiveTimeStamps.Policy(interval, renewBefore, maxLeaves);
    }

    /** One check: how many tokens the renewal it made covers (0 when none was due or none could be made). */
    @Scheduled(
            fixedDelayString = "${edialog.archive.check-interval:1h}",
            initialDelayString = "${edialog.archive.check-interval:1h}")
    int renew() {
        if (timeStamping.client().isEmpty()) {
            return 0;
        }
        Integer covered = transactions.execute(
                status -> ArchiveTimeStamps.renew(jdbc, timeStamping.client().get(), policy, clock.instant()));
        return covered == null ? 0 : covered;
    }
}
