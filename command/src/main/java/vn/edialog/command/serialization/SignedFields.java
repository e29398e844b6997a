package vn.edialog.command.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a stored event says what was signed: every field the event shares with its signed payload must be equal
 * (instants compared as instants, objects field by field). Editing a stored event's text, due date or party is thus
 * detected even by someone who recomputes the hash chain.
 */
public final class SignedFields {

    /** Fields that describe the envelope rather than the action, and are not repeated in the event. */
    private static final Set<String> ENVELOPE_FIELDS = Set.of("type", "nonce", "signedAt");

    private SignedFields() {}

    /** The first shared field whose stored value differs from the signed one, if any. */
    public static Optional<String> firstMismatch(JsonNode signedPayload, JsonNode storedEvent) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = signedPayload.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (ENVELOPE_FIELDS.contains(field.getKey()) || !storedEvent.has(field.getKey())) {
                continue;
            }
            if (!sameValue(field.getValue(), storedEvent.get(field.getKey()))) {
                return Optional.of(field.getKey());
            }
        }
        return Optional.empty();
    }

    private static boolean sameValue(JsonNode signed, JsonNode stored) {
        if (signed.equals(stored)) {
            return true;
        }
        if (signed.isNumber() && stored.isNumber()) {
            return signed.decimalValue().compareTo(stored.decimalValue()) == 0;
        }
        if (signed.isTextual() && stored.isTextual()) {
            try {
                return OffsetDateTime.parse(signed.asText())
                        .toInstant()
                        .equals(OffsetDateTime.parse(stored.asText()).toInstant());
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        if (signed.isObject() && stored.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = signed.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!stored.has(field.getKey()) || !sameValue(field.getValue(), stored.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (signed.isArray() && stored.isArray() && signed.size() == stored.size()) {
            for (int i = 0; i < signed.size(); i++) {
                if (!sameValue(signed.get(i), stored.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
