package vn.edialog.app.evidence;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.edialog.app.pki.TimeStamping;

/**
 * Anchors the chain heads every {@code EDIALOG_ANCHOR_INTERVAL} (10 minutes by default): one node at a time, under a
 * cluster-wide advisory lock, in one transaction; with no authority configured or answering, nothing is anchored and
 * the next run tries again ({@link ChainAnchors}).
 */
@Component
@ConditionalOnProperty(name = "edialog.side-effects", havingValue = "true", matchIfMissing = true)
class ChainAnchorJob {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TimeStamping timeStamping;
    private final int maxLeaves;

    ChainAnchorJob(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            TimeStamping timeStamping,
            @Value("${edialog.anchor.max-leaves:100000}") int maxLeaves) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.timeStamping = timeStamping;
        this.maxLeaves = maxLeaves;
    }

    /** One anchor: how many events it covers. */
    @Scheduled(
            fixedDelayString = "${edialog.anchor.interval:10m}",
            initialDelayString = "${edialog.anchor.interval:10m}")
    int anchor() {
        if (timeStamping.client().isEmpty()) {
            return 0;
        }
        Integer anchored = transactions.execute(
                status -> ChainAnchors.anchor(jdbc, timeStamping.client().get(), maxLeaves));
        return anchored == null ? 0 : anchored;
    }
}
