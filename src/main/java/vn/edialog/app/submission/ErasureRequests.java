package vn.edialog.app.submission;

import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.command.dialogue.api.DialogueRefusal;

/**
 * Takes the operators' erasure requests ({@code edialog erase} writes them into {@code erasure_request}) and carries
 * each out as the system: the signed {@code PersonalDataErased} and the destruction of the dialogue's data keys, in
 * one transaction, where the signing keys and the command bus are. One server takes each request; one taken by a
 * server that stopped before finishing is taken again after ten minutes. A refusal (not confidential, not finished,
 * erased already) is written back as the outcome, and changes nothing.
 */
@Component
class ErasureRequests {

    private static final Logger log = LoggerFactory.getLogger(ErasureRequests.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final GovernmentActions government;

    ErasureRequests(JdbcClient jdbc, TransactionTemplate transactions, GovernmentActions government) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.government = government;
    }

    private record Request(long id, UUID dialogueId, String reason, String requestedBy) {}

    @Scheduled(fixedDelayString = "${edialog.confidentiality.erasure-poll:2s}")
    void takeRequests() {
        for (Optional<Request> request = take(); request.isPresent(); request = take()) {
            run(request.get());
        }
    }

    private Optional<Request> take() {
        return transactions.execute(status -> jdbc.sql(
                        """
                        update erasure_request set started_at = now() where id =
                            (select id from erasure_request
                             where started_at is null or (done_at is null and started_at < now() - interval '10 minutes')
                             order by id limit 1 for update skip locked)
                        returning id, dialogue_id, reason, requested_by""")
                .query((row, n) ->
                        new Request(row.getLong(1), row.getObject(2, UUID.class), row.getString(3), row.getString(4)))
                .optional());
    }

    private void run(Request request) {
        boolean erased;
        String outcome;
        try {
            var accepted = government.erasePersonalData(
                    request.dialogueId(), null, request.reason() + " (" + request.requestedBy() + ")");
            erased = true;
            outcome = "erased: event " + accepted.sequence() + " of dialogue " + accepted.trackingCode();
            log.info("Erased the content of dialogue {} (erasure request {})", request.dialogueId(), request.id());
        } catch (DialogueRefusal | ApiProblem refusal) {
            erased = false;
            outcome = "refused: " + refusal.getMessage();
            log.info("Erasure request {} refused: {}", request.id(), refusal.getMessage());
        } catch (RuntimeException e) {
            erased = false;
            outcome = "failed: " + e;
            log.warn("Erasure request {} failed: {}", request.id(), e.toString());
        }
        jdbc.sql("update erasure_request set done_at = now(), erased = :erased, outcome = :outcome where id = :id")
                .param("erased", erased)
                .param("outcome", outcome)
                .param("id", request.id())
                .update();
    }
}
