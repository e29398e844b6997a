package vn.edialog.app.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.command.dialogue.api.TextLimits;

/** Reads the command fields of a verified payload; a missing or ill-typed field is a bad-payload refusal. */
final class Payloads {

    private Payloads() {}

    static String text(JsonNode payload, String field, int maxLength) {
        JsonNode node = payload.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw ApiProblem.badPayload("Field '" + field + "' must be a non-empty string");
        }
        String value = node.asText();
        // Characters as the aggregate and PostgreSQL count them: code points (an emoji is one).
        if (TextLimits.length(value) > maxLength) {
            throw ApiProblem.badPayload("Field '" + field + "' is longer than " + maxLength + " characters");
        }
        return value;
    }

    static Optional<String> optionalText(JsonNode payload, String field, int maxLength) {
        JsonNode node = payload.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(text(payload, field, maxLength));
    }

    static boolean bool(JsonNode payload, String field, boolean defaultValue) {
        JsonNode node = payload.get(field);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            throw ApiProblem.badPayload("Field '" + field + "' must be a boolean");
        }
        return node.booleanValue();
    }

    static int integer(JsonNode payload, String field, int min, int max) {
        JsonNode node = payload.get(field);
        if (node == null || !node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw ApiProblem.badPayload("Field '" + field + "' must be a whole number from " + min + " to " + max);
        }
        return node.intValue();
    }

    static List<JsonNode> array(JsonNode payload, String field, int maxItems) {
        JsonNode node = payload.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > maxItems) {
            throw ApiProblem.badPayload("Field '" + field + "' must be an array of at most " + maxItems + " items");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    /** PostgreSQL stores no NUL character in text or jsonb: a payload carrying one, anywhere, is refused. */
    static void refuseNul(JsonNode node, String where) {
        if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
            throw ApiProblem.badPayload("Field '" + where + "' contains a NUL character");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseNul(node.get(i), where + "[" + i + "]");
            }
        }
        if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (field.getKey().indexOf('\0') >= 0) {
                    throw ApiProblem.badPayload("A field name in '" + where + "' contains a NUL character");
                }
                refuseNul(field.getValue(), "payload".equals(where) ? field.getKey() : where + "." + field.getKey());
            }
        }
    }

    /** The fields every signed payload carries (checked by the verifier's {@code PayloadFields}). */
    static final java.util.Set<String> COMMON = java.util.Set.of("type", "tenant", "dialogueId", "nonce", "signedAt");

    /**
     * Refuses a field the command does not take: an unknown field would be signed and stored but read by nobody, or
     * read later by a version that gives it a meaning the signer never saw.
     */
    static void refuseUnknownFields(JsonNode object, java.util.Set<String> allowed, String where) {
        var names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name) && !("payload".equals(where) && COMMON.contains(name))) {
                throw ApiProblem.badPayload(
                        "payload".equals(where)
                                ? "Unknown field '" + name + "' in the payload"
                                : "Unknown field '" + name + "' in " + where);
            }
        }
    }
}
