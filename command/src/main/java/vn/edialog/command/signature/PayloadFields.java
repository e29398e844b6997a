package vn.edialog.command.signature;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/** The required envelope payload fields: type, tenant, dialogueId, nonce (UUIDs) and signedAt (RFC 3339). */
record PayloadFields(String type, String tenant, UUID dialogueId, UUID nonce, Instant signedAt) {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern RFC3339 =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    static PayloadFields of(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw bad("payload must be a JSON object");
        }
        String type = text(payload, "type");
        String tenant = text(payload, "tenant");
        UUID dialogueId = uuid(payload, "dialogueId");
        UUID nonce = uuid(payload, "nonce");
        String signedAt = text(payload, "signedAt");
        if (!RFC3339.matcher(signedAt).matches()) {
            throw bad("signedAt must be an RFC 3339 date-time with offset");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(
                            signedAt.toUpperCase(java.util.Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new SignatureRefusal(RefusalReason.BAD_PAYLOAD, "signedAt is not a valid date-time", e);
        }
        return new PayloadFields(type, tenant, dialogueId, nonce, at);
    }

    private static String text(JsonNode payload, String field) {
        JsonNode v = payload.get(field);
        if (v == null || !v.isTextual() || v.textValue().isBlank()) {
            throw bad("payload field '" + field + "' is required and must be a non-empty string");
        }
        return v.textValue();
    }

    private static UUID uuid(JsonNode payload, String field) {
        String s = text(payload, field);
        if (!UUID_TEXT.matcher(s).matches()) {
            throw bad("payload field '" + field + "' must be a UUID");
        }
        return UUID.fromString(s);
    }

    private static SignatureRefusal bad(String detail) {
        return new SignatureRefusal(RefusalReason.BAD_PAYLOAD, detail);
    }
}
