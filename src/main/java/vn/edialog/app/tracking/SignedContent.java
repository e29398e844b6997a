package vn.edialog.app.tracking;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an event's signer said, read back from the stored signed bytes: the payload without the envelope's own fields
 * (type, tenant, dialogue, nonce, signing time, acting official). The bytes were verified when the event was stored;
 * this only makes them readable.
 */
final class SignedContent {

    private static final List<String> ENVELOPE_FIELDS =
            List.of("type", "tenant", "dialogueId", "nonce", "signedAt", "actor");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

    private SignedContent() {}

    /** The payload's own fields, or empty when there are none or the bytes are not a JSON object. */
    static Optional<Map<String, Object>> of(String signedPayloadBase64) {
        if (signedPayloadBase64 == null) {
            return Optional.empty();
        }
        try {
            JsonNode payload = JSON.readTree(Base64.getDecoder().decode(signedPayloadBase64));
            if (!(payload instanceof ObjectNode fields)) {
                return Optional.empty();
            }
            fields.remove(ENVELOPE_FIELDS);
            return fields.isEmpty() ? Optional.empty() : Optional.of(JSON.convertValue(fields, FIELDS));
        } catch (IOException | IllegalArgumentException e) {
            // Stored evidence stays as it is; bytes that do not parse only mean there is nothing to show.
            return Optional.empty();
        }
    }
}
