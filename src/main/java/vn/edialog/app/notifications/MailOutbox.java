package vn.edialog.app.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Queues a mail once per key; a second enqueue with the same key (a replay, a retried batch) adds nothing. */
@Component
public class MailOutbox {

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether the mail was queued now (false: it had been queued before) */
    public boolean enqueue(String key, String tenant, String recipient, String subject, String body, Instant at) {
        return jdbc.sql(
                                """
                        insert into mail_outbox (message_key, tenant, recipient, subject, body, created_at)
                        values (:key, :tenant, :recipient, :subject, :body, :at)
                        on conflict (message_key) do nothing
                        """)
                        .param("key", key)
                        .param("tenant", tenant)
                        .param("recipient", recipient)
                        .param("subject", subject)
                        .param("body", body)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }
}
