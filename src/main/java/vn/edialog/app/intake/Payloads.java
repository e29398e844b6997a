package vn.edialog.app.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.edialog.command.dialogue.api.TextLimits;

/** Reads the command fields of a verified payload; a missing or ill-typed field is a bad-payload refusal. */
final class Payloads {

    private Payloads() {}

    static String text(JsonNode payload, String field, int maxLength) {
        JsonNode node = payload.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw IntakeRefusal.badPayload("Field '" + field + "' must be a non-empty string");
        }
        String value = node.asText();
        // Characters as the aggregate and PostgreSQL count them: code points (an emoji is one).
        if (TextLimits.length(value) > maxLength) {
            throw IntakeRefusal.badPayload("Field '" + field + "' is longer than " + maxLength + " characters");
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
            throw IntakeRefusal.badPayload("Field '" + field + "' must be a boolean");
        }
        return node.booleanValue();
    }

    static int integer(JsonNode payload, String field, int min, int max) {
        JsonNode node = payload.get(field);
        if (node == null || !node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw IntakeRefusal.badPayload("Field '" + field + "' must be a whole number from " + min + " to " + max);
        }
        return node.intValue();
    }

    static List<JsonNode> array(JsonNode payload, String field, int maxItems) {
        JsonNode node = payload.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > maxItems) {
            throw IntakeRefusal.badPayload("Field '" + field + "' must be an array of at most " + maxItems + " items");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }
}
