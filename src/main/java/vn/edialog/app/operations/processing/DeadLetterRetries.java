package vn.edialog.app.operations.processing;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the operators' retry requests ({@code edialog dead-letters retry} writes them into {@code dead_letter_retry})
 * and retries the parked dialogues with this server's own event processors, so that a retry runs where the handlers,
 * Camunda and the mail outbox run. One server takes each request; one that was taken by a server that stopped before
 * finishing is taken again after ten minutes.
 */
final class DeadLetterRetries {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetries.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DeadLetters deadLetters;

    DeadLetterRetries(JdbcClient jdbc, TransactionTemplate transactions, DeadLetters deadLetters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.deadLetters = deadLetters;
    }

    private record Request(long id, String group, String dialogue) {}

    @Scheduled(fixedDelayString = "${edialog.processing.dead-letter.retry-poll:2s}")
    void takeRequests() {
        for (Optional<Request> request = take(); request.isPresent(); request = take()) {
            run(request.get());
        }
    }

    private Optional<Request> take() {
        return transactions.execute(status -> jdbc.sql("UPDATE dead_letter_retry SET started_at = now() WHERE id ="
                        + " (SELECT id FROM dead_letter_retry WHERE started_at IS NULL OR (done_at IS NULL AND"
                        + " started_at < now() - interval '10 minutes') ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id, processing_group, dialogue")
                .query((row, n) -> new Request(row.getLong(1), row.getString(2), row.getString(3)))
                .optional());
    }

    private void run(Request request) {
        List<DeadLetters.Retried> results;
        String outcome;
        try {
            results = deadLetters.retry(Optional.ofNullable(request.group()), Optional.ofNullable(request.dialogue()));
            outcome = results.stream()
                    .map(r -> r.parked().group() + " " + r.parked().dialogue() + ": "
                            + (r.succeeded() ? "handled" : "still parked: " + r.cause()))
                    .collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            log.warn("Retry of parked dialogues (request {}) failed: {}", request.id(), e.toString());
            results = List.of();
            outcome = "the retry failed: " + e;
        }
        long retried = results.stream().filter(DeadLetters.Retried::succeeded).count();
        jdbc.sql("UPDATE dead_letter_retry SET done_at = now(), retried = :retried, still_parked = :still,"
                        + " outcome = :outcome WHERE id = :id")
                .param("retried", retried)
                .param("still", results.size() - retried)
                .param("outcome", outcome)
                .param("id", request.id())
                .update();
        log.info(
                "Retried parked dialogues (request {}): {} handled, {} still parked",
                request.id(),
                retried,
                results.size() - retried);
    }
}
