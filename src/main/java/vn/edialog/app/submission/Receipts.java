package vn.edialog.app.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.edialog.app.pki.ServerSigners;
import vn.edialog.command.signature.CanonicalJson;
import vn.edialog.command.signature.Envelope;

/**
 * Signed receipts: the system key signs (detached CMS, CAdES-BES) a canonical JSON statement that names the accepted
 * envelope by its SHA-256, the time of receipt, the tracking code and the hash of the event it produced. A sender keeps
 * it as proof that the message arrived.
 */
@Component
public class Receipts {

    private final ServerSigners signers;
    private final ObjectMapper json;
    private final JdbcClient jdbc;

    Receipts(ServerSigners signers, ObjectMapper json, JdbcClient jdbc) {
        this.signers = signers;
        this.json = json;
        this.jdbc = jdbc;
    }

    /** A receipt as kept: the event it acknowledges and the signed statement. */
    public record KeptReceipt(
            UUID dialogueId, long sequence, String commandType, Instant receivedAt, Envelope receipt) {}

    /** Keeps a receipt beside the event it names (in the caller's transaction). */
    void keep(String tenant, UUID dialogueId, long sequence, String commandType, Instant receivedAt, Envelope receipt) {
        Base64.Decoder base64 = Base64.getDecoder();
        jdbc.sql(
                        """
                        insert into receipt (dialogue_id, sequence, tenant, command_type, received_at, payload, signature)
                        values (:id, :seq, :tenant, :type, :at, :payload, :signature)
                        """)
                .param("id", dialogueId)
                .param("seq", sequence)
                .param("tenant", tenant)
                .param("type", commandType)
                .param("at", java.sql.Timestamp.from(receivedAt))
                .param("payload", base64.decode(receipt.payload()))
                .param("signature", base64.decode(receipt.signature()))
                .update();
    }

    /** The receipts handed out for a dialogue, oldest first. */
    public List<KeptReceipt> of(UUID dialogueId) {
        Base64.Encoder base64 = Base64.getEncoder();
        return jdbc.sql(
                        """
                        select sequence, command_type, received_at, payload, signature from receipt
                        where dialogue_id = :id order by sequence
                        """)
                .param("id", dialogueId)
                .query((rows, n) -> new KeptReceipt(
                        dialogueId,
                        rows.getLong("sequence"),
                        rows.getString("command_type"),
                        rows.getTimestamp("received_at").toInstant(),
                        new Envelope(
                                base64.encodeToString(rows.getBytes("payload")),
                                base64.encodeToString(rows.getBytes("signature")))))
                .list();
    }

    Envelope sign(
            String tenant,
            UUID dialogueId,
            String trackingCode,
            String commandType,
            String envelopeSha256,
            Instant receivedAt,
            long sequence,
            String eventHash) {
        ObjectNode statement = json.createObjectNode()
                .put("type", "receipt")
                .put("tenant", tenant)
                .put("dialogueId", dialogueId.toString())
                .put("trackingCode", trackingCode)
                .put("commandType", commandType)
                .put("envelopeSha256", envelopeSha256)
                .put("receivedAt", receivedAt.toString())
                .put("sequence", sequence)
                .put("eventHash", eventHash);
        byte[] bytes = CanonicalJson.canonicalize(statement);
        byte[] signature = signers.system().sign(bytes);
        Base64.Encoder base64 = Base64.getEncoder();
        return new Envelope(base64.encodeToString(bytes), base64.encodeToString(signature));
    }
}
