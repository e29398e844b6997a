package vn.edialog.app.evidence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.edialog.app.pki.TimeStamping;
import vn.edialog.command.timestamp.TimeStampClient;
import vn.edialog.command.timestamp.TimeStampUnavailable;

/**
 * Stamps the signatures that await a time-stamp, oldest first, in batches: each batch's rows are locked with {@code
 * skip locked}, so that the nodes of a cluster share the work and never stamp one signature twice. When no authority
 * answers, the batch stops at its first row, which keeps the error, and the next run tries again: the gap is the gauge
 * {@code edialog.timestamps.pending}.
 */
@Component
@ConditionalOnProperty(name = "edialog.side-effects", havingValue = "true", matchIfMissing = true)
class TimeStampJob {

    private static final Logger log = LoggerFactory.getLogger(TimeStampJob.class);
    private static final int ERROR_MAX = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TimeStamping timeStamping;
    private final int batchSize;
    /** Whether the last batch found no authority: the log says so once when stamping stops, and once when it resumes. */
    private volatile boolean paused;

    TimeStampJob(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            TimeStamping timeStamping,
            MeterRegistry meters,
            @Value("${edialog.tsa.batch-size:100}") int batchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.timeStamping = timeStamping;
        this.batchSize = batchSize;
        Gauge.builder("edialog.timestamps.pending", this::pending)
                .description("Stored signatures that await their time-stamp")
                .register(meters);
    }

    private record Pending(UUID dialogueId, long sequence, byte[] signatureValue) {}

    /** One batch: how many signatures it stamped. */
    @Scheduled(
            fixedDelayString = "${edialog.tsa.stamp-interval:10s}",
            initialDelayString = "${edialog.tsa.stamp-interval:10s}")
    int stampPending() {
        if (timeStamping.client().isEmpty()) {
            return 0;
        }
        TimeStampClient client = timeStamping.client().get();
        Integer stamped = transactions.execute(status -> {
            List<Pending> rows = jdbc.sql(
                            """
                            select dialogue_id, sequence, signature_value from signature_timestamp
                            where token is null order by recorded_at, dialogue_id, sequence
                            limit :limit for update skip locked
                            """)
                    .param("limit", batchSize)
                    .query((row, n) -> new Pending(
                            row.getObject("dialogue_id", UUID.class), row.getLong("sequence"), row.getBytes(3)))
                    .list();
            int done = 0;
            for (Pending row : rows) {
                try {
                    TimeStampClient.Stamped granted = client.stamped(row.signatureValue());
                    TimeStampToken token = granted.token();
                    var facts = granted.facts();
                    jdbc.sql(
                                    """
                                    update signature_timestamp set token = :token, stamped_at = :at,
                                        authority = :authority, attempts = attempts + 1, last_error = null
                                    where dialogue_id = :id and sequence = :seq
                                    """)
                            .param("token", token.getEncoded())
                            .param("at", Timestamp.from(facts.time()))
                            .param("authority", facts.authority())
                            .param("id", row.dialogueId())
                            .param("seq", row.sequence())
                            .update();
                    done++;
                    if (paused) {
                        paused = false;
                        log.info("Time-stamping resumed");
                    }
                } catch (TimeStampUnavailable | IOException e) {
                    String error = e.getMessage() == null ? e.toString() : e.getMessage();
                    jdbc.sql(
                                    """
                                    update signature_timestamp set attempts = attempts + 1, last_error = :error
                                    where dialogue_id = :id and sequence = :seq
                                    """)
                            .param("error", error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error)
                            .param("id", row.dialogueId())
                            .param("seq", row.sequence())
                            .update();
                    if (!paused) {
                        log.warn("Time-stamping paused, {} signatures wait: {}", pending(), error);
                    }
                    paused = true;
                    break;
                }
            }
            return done;
        });
        return stamped == null ? 0 : stamped;
    }

    long pending() {
        return jdbc.sql("select count(*) from signature_timestamp where token is null")
                .query(Long.class)
                .single();
    }
}
