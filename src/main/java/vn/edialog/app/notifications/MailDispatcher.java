package vn.edialog.app.notifications;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued mails. Each row is claimed with {@code for update skip locked} (several nodes may run this), sent,
 * and marked sent in the same transaction; its Message-ID is derived from the outbox key, so should a crash fall
 * between the SMTP hand-over and the commit, the one resent mail carries the same Message-ID and mail systems drop it.
 * With {@code edialog.mail.enabled=false} (the embedded default) a mail is logged instead of sent.
 */
@Component
@ConditionalOnProperty(name = "edialog.side-effects", havingValue = "true", matchIfMissing = true)
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 20;
    private static final int MAX_ATTEMPTS = 10;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> sender;
    private final boolean enabled;
    private final String from;
    private final Clock clock;

    MailDispatcher(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ObjectProvider<JavaMailSender> sender,
            @Value("${edialog.mail.enabled:false}") boolean enabled,
            @Value("${edialog.mail.from:edialog@localhost}") String from,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sender = sender;
        this.enabled = enabled;
        this.from = from;
        this.clock = clock;
    }

    private record Pending(long id, String key, String recipient, String subject, String body) {}

    /** Sends what is pending; returns how many mails went out (or were logged). */
    @Scheduled(
            fixedDelayString = "${edialog.mail.poll-interval:2s}",
            initialDelayString = "${edialog.mail.poll-interval:2s}")
    public int dispatch() {
        int done = 0;
        while (true) {
            Integer sent = transactions.execute(status -> {
                List<Pending> batch = jdbc.sql(
                                """
                                select id, message_key, recipient, subject, body from mail_outbox
                                where sent_at is null and attempts < :max order by id limit :batch
                                for update skip locked
                                """)
                        .param("max", MAX_ATTEMPTS)
                        .param("batch", BATCH)
                        .query((rows, n) -> new Pending(
                                rows.getLong(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getString(5)))
                        .list();
                int count = 0;
                for (Pending mail : batch) {
                    try {
                        send(mail);
                        jdbc.sql("update mail_outbox set sent_at = :now, attempts = attempts + 1 where id = :id")
                                .param("now", Timestamp.from(clock.instant()))
                                .param("id", mail.id())
                                .update();
                        count++;
                    } catch (RuntimeException | jakarta.mail.MessagingException e) {
                        log.warn("Mail {} to {} failed: {}", mail.key(), mail.recipient(), e.getMessage());
                        jdbc.sql("update mail_outbox set attempts = attempts + 1, last_error = :error where id = :id")
                                .param("error", String.valueOf(e.getMessage()))
                                .param("id", mail.id())
                                .update();
                    }
                }
                return batch.isEmpty() ? -1 : count;
            });
            if (sent == null || sent < 0) {
                return done;
            }
            done += sent;
            if (sent == 0) {
                return done; // the whole batch failed: try again at the next poll
            }
        }
    }

    /** A stable Message-ID local part for an outbox key (which holds an address, so it cannot be used as is). */
    static String messageId(String key) {
        try {
            byte[] digest =
                    java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body's first lines, indented; "…" when there is more. */
    static String firstLines(String body, int lines) {
        String[] all = body.strip().split("\\R");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(lines, all.length); i++) {
            text.append("  | ").append(all[i]).append('\n');
        }
        if (all.length > lines) {
            text.append("  | …\n");
        }
        return text.toString();
    }

    private void send(Pending mail) throws jakarta.mail.MessagingException {
        if (!enabled) {
            // The embedded default's mail box: the mail in the log, readable (subject, recipient, its first lines).
            log.info(
                    "Mail (not sent: edialog.mail.enabled=false)\n  To:      {}\n  Subject: {}\n{}",
                    mail.recipient(),
                    mail.subject(),
                    firstLines(mail.body(), 6));
            return;
        }
        JavaMailSender mailSender = sender.getObject();
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        message.saveChanges();
        message.setHeader("Message-ID", "<" + messageId(mail.key()) + "@edialog>");
        mailSender.send(message);
    }
}
