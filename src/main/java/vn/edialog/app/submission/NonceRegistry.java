package vn.edialog.app.submission;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every accepted nonce, forever. Consumed inside the transaction that stores the command's events, so a command
 * refused later in that transaction gives its nonce back.
 */
@Component
class NonceRegistry {

    private final JdbcClient jdbc;

    NonceRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the nonce was already accepted (a replay) */
    boolean consume(UUID nonce, String tenant, UUID dialogueId, String commandType, String envelopeSha256, Instant at) {
        int inserted = jdbc.sql(
                        """
                        insert into accepted_nonce (nonce, tenant, dialogue_id, command_type, envelope_sha256, accepted_at)
                        values (:nonce, :tenant, :dialogue, :type, :sha, :at)
                        on conflict (nonce) do nothing
                        """)
                .param("nonce", nonce)
                .param("tenant", tenant)
                .param("dialogue", dialogueId)
                .param("type", commandType)
                .param("sha", envelopeSha256)
                .param("at", java.sql.Timestamp.from(at))
                .update();
        return inserted == 1;
    }
}
