package vn.edialog.app.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
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

    Receipts(ServerSigners signers, ObjectMapper json) {
        this.signers = signers;
        this.json = json;
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
