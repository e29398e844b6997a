package vn.edialog.app.evidence;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.edialog.app.pki.TimeStamping;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.command.dialogue.api.SignedPayload;
import vn.edialog.command.timestamp.CadesSignatures;
import vn.edialog.command.timestamp.TimeStampFacts;
import vn.edialog.command.timestamp.TimeStampUnavailable;

/**
 * The time-stamp a message gets while it is accepted, when the policy requires one ({@code EDIALOG_TSA_MODE=require}):
 * asked before its command is sent, so that a message no authority will stamp is refused (503 {@code
 * time-stamp-unavailable}, nothing stored) and a stored one always has its stamp, kept in the same transaction. In the
 * default mode nothing happens here and {@link TimeStampJob} stamps the signature moments later.
 */
@Component
public class AcceptanceTimeStamps {

    /** How long a refused sender is asked to wait: an authority's timeout and a little more. */
    static final long RETRY_AFTER_SECONDS = 30;

    /** A token and what it proves, over a signature's value. */
    public record Stamp(byte[] signatureValue, TimeStampToken token, TimeStampFacts facts) {}

    private final TimeStamping timeStamping;
    private final JdbcClient jdbc;

    AcceptanceTimeStamps(TimeStamping timeStamping, JdbcClient jdbc) {
        this.timeStamping = timeStamping;
        this.jdbc = jdbc;
    }

    /** The message's time-stamp when one is required; empty otherwise. */
    public Optional<Stamp> beforeAcceptance(SignedPayload signed) {
        if (!timeStamping.required()) {
            return Optional.empty();
        }
        byte[] value = CadesSignatures.signatureValue(Base64.getDecoder().decode(signed.signature()));
        try {
            var stamped = timeStamping.client().orElseThrow().stamped(value);
            return Optional.of(new Stamp(value, stamped.token(), stamped.facts()));
        } catch (TimeStampUnavailable e) {
            throw ApiProblem.timeStampUnavailable(RETRY_AFTER_SECONDS);
        }
    }

    /** Keeps the stamp beside the event it was asked for, in the acceptance's transaction. */
    public void keep(UUID dialogueId, long sequence, Instant at, Stamp stamp) {
        try {
            jdbc.sql(
                            """
                            insert into signature_timestamp (dialogue_id, sequence, signature_value, recorded_at, token,
                                stamped_at, authority, attempts)
                            values (:id, :seq, :value, :at, :token, :stampedAt, :authority, 1)
                            """)
                    .param("id", dialogueId)
                    .param("seq", sequence)
                    .param("value", stamp.signatureValue())
                    .param("at", Timestamp.from(at))
                    .param("token", stamp.token().getEncoded())
                    .param("stampedAt", Timestamp.from(stamp.facts().time()))
                    .param("authority", stamp.facts().authority())
                    .update();
        } catch (IOException e) {
            throw new IllegalStateException("A verified time-stamp token does not encode", e);
        }
    }
}
